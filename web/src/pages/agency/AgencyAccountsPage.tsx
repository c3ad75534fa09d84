import { useState } from 'react'
import { Alert, Anchor, Badge, Group, Select, Table, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { accounts } from '../../api/agencyAccounts'
import { errorMessage } from '../../api/http'
import { ExportButtons } from '../../components/ExportButtons'
import { AgencyHeader } from './AgencyNav'
import { nextKeyDate } from './keyDates'

/** Accounts: what the coordinator knows about each client, searchable across every note. */
export function AgencyAccountsPage() {
  const [q, setQ] = useState('')
  const [industry, setIndustry] = useState('')
  const [sort, setSort] = useState('client')
  const query = { q: q || undefined, industry: industry || undefined, sort, limit: 200 }
  const list = useQuery({ queryKey: ['agency', 'accounts', query], queryFn: () => accounts.list(query) })
  return (
    <>
      <AgencyHeader title="Agency — accounts" />
      <Group mb="sm" align="end">
        <TextInput label="Search" placeholder="Client, products, processes, key dates…" w={320} value={q}
          onChange={(e) => setQ(e.currentTarget.value)} />
        <TextInput label="Industry" placeholder="exact, e.g. Retail Trade" value={industry}
          onChange={(e) => setIndustry(e.currentTarget.value)} />
        <Select label="Sort" data={['client', '-client', 'code', 'industry', '-updated_at']} value={sort}
          onChange={(v) => setSort(v ?? 'client')} />
        <ExportButtons url={(f) => accounts.exportUrl(f, query)} filename="accounts" />
      </Group>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Client</Table.Th><Table.Th>Code</Table.Th><Table.Th>Industry</Table.Th><Table.Th>Team</Table.Th>
            <Table.Th>Next key date</Table.Th><Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.items ?? []).map((a) => (
            <Table.Tr key={a.client_id}>
              <Table.Td><Anchor component={Link} to={`/agency/accounts/${a.client_id}`}>{a.client_name}</Anchor></Table.Td>
              <Table.Td>{a.client_code}</Table.Td>
              <Table.Td>{a.industry}</Table.Td>
              <Table.Td>{a.team.map((t) => <Badge key={`${t.role}${t.user_id}`} variant="light" mr={4}>{t.role}: {t.name}</Badge>)}</Table.Td>
              <Table.Td>{nextKeyDate(a.key_dates)}</Table.Td>
              <Table.Td>{a.updated_at.slice(0, 10)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="xs">Showing {list.data?.items.length ?? 0} of {list.data?.total ?? 0} accounts</Text>
    </>
  )
}
