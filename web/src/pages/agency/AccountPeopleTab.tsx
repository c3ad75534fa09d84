import { useEffect, useState } from 'react'
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Table, TextInput, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { CONTACT_METHODS, type Account, type ApprovalStep, type ContactPreference } from '../../api/agencyAccounts'
import { listContacts } from '../../api/endpoints'

/** The client's contacts with their role, preferred method and brand notes, and who approves what, in order. */
export function AccountPeopleTab({ account, saving, onSave }: { account: Account; saving: boolean; onSave: (p: Partial<Account>) => void }) {
  const contacts = useQuery({ queryKey: ['contacts', account.client_id], queryFn: () => listContacts(account.client_id) })
  const [prefs, setPrefs] = useState<ContactPreference[]>(account.contact_preferences)
  const [chain, setChain] = useState<ApprovalStep[]>(account.approval_chain)
  useEffect(() => {
    setPrefs(account.contact_preferences)
    setChain(account.approval_chain)
  }, [account])
  const options = (contacts.data?.items ?? []).map((c) => ({ value: String(c.id), label: `${c.name}${c.role ? ` (${c.role})` : ''}` }))
  const contactOf = (id: number) => contacts.data?.items.find((c) => c.id === id)
  return (
    <>
      <Paper withBorder p="md" mb="md">
        <Title order={4} mb="sm">Contacts</Title>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>Contact</Table.Th><Table.Th>Role</Table.Th><Table.Th>E-mail</Table.Th><Table.Th>Prefers</Table.Th><Table.Th>Branding requirements</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {prefs.map((p, i) => {
              const set = (patch: Partial<ContactPreference>) => setPrefs(prefs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
              return (
                <Table.Tr key={i}>
                  <Table.Td><Select aria-label="Contact" data={options} value={p.contact_id ? String(p.contact_id) : null} onChange={(v) => set({ contact_id: Number(v) })} /></Table.Td>
                  <Table.Td>{contactOf(p.contact_id)?.role ?? p.role}</Table.Td>
                  <Table.Td>{contactOf(p.contact_id)?.email ?? p.email}</Table.Td>
                  <Table.Td><Select aria-label="Preferred method" data={CONTACT_METHODS} value={p.preferred_method} onChange={(v) => set({ preferred_method: v ?? 'email' })} /></Table.Td>
                  <Table.Td><TextInput aria-label="Branding requirements" value={p.branding_requirements} onChange={(e) => set({ branding_requirements: e.currentTarget.value })} /></Table.Td>
                  <Table.Td><ActionIcon variant="subtle" color="red" aria-label="Remove contact" onClick={() => setPrefs(prefs.filter((_, j) => j !== i))}>×</ActionIcon></Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
        <Button mt="sm" variant="default" onClick={() => setPrefs([...prefs, { contact_id: 0, preferred_method: 'email', branding_requirements: '' }])}>Add a contact</Button>
      </Paper>
      <Paper withBorder p="md" mb="md">
        <Title order={4} mb="sm">Approval chain</Title>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>Step</Table.Th><Table.Th>Approves</Table.Th><Table.Th>Who</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {chain.map((s, i) => {
              const set = (patch: Partial<ApprovalStep>) => setChain(chain.map((r, j) => (j === i ? { ...r, ...patch } : r)))
              return (
                <Table.Tr key={i}>
                  <Table.Td><NumberInput aria-label="Step" w={80} min={1} value={s.step} onChange={(v) => set({ step: Number(v) || 1 })} /></Table.Td>
                  <Table.Td><TextInput aria-label="Approves" placeholder="estimates, creative, copy…" value={s.approves} onChange={(e) => set({ approves: e.currentTarget.value })} /></Table.Td>
                  <Table.Td><Select aria-label="Approver" data={options} value={s.contact_id ? String(s.contact_id) : null} onChange={(v) => set({ contact_id: Number(v) })} /></Table.Td>
                  <Table.Td><ActionIcon variant="subtle" color="red" aria-label="Remove step" onClick={() => setChain(chain.filter((_, j) => j !== i))}>×</ActionIcon></Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
        <Button mt="sm" variant="default" onClick={() => setChain([...chain, { step: chain.length + 1, approves: '', contact_id: 0 }])}>Add a step</Button>
      </Paper>
      <Group>
        <Button loading={saving} onClick={() => onSave({ contact_preferences: prefs, approval_chain: chain })}>Save contacts and approvals</Button>
      </Group>
    </>
  )
}
