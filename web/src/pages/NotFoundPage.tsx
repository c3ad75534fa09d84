import { Button, Center, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'

export function NotFoundPage({ what }: { what?: string }) {
  return (
    <Center mih={360}>
      <Stack align="center" gap="xs" data-testid="not-found">
        <Text fz={56} fw={800} c="gray.4" lh={1}>
          404
        </Text>
        <Title order={2}>Not found</Title>
        <Text c="dimmed" ta="center" maw={460}>
          {what
            ? `This ${what} does not exist, or you do not have access to it.`
            : 'There is no page at this address.'}
        </Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          Go to the start page
        </Button>
      </Stack>
    </Center>
  )
}
