import { Alert, Stack, Text, Title } from '@mantine/core'
import type { ModuleInfo } from '../lib/modules'

export function NotBuiltPage({ module }: { module: ModuleInfo }) {
  return (
    <Stack maw={760} gap="md">
      <Title order={2}>{module.label}</Title>
      <Alert color="gray" variant="light">
        <Text size="sm">
          Not built yet — planned: {module.planned}
        </Text>
      </Alert>
    </Stack>
  )
}
