import { AppShell, Badge, Burger, Button, Group, NavLink, Text, Title, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { useAuth } from '../auth/AuthContext'
import { modulesFor, ROLE_LABELS } from '../lib/modules'

export function Shell() {
  const { user, logout } = useAuth()
  const [opened, { toggle, close }] = useDisclosure()
  const location = useLocation()
  const navigate = useNavigate()
  const modules = modulesFor(user?.role)

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to="/clients" aria-label="concord home">
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={26} height={26} />
                <Title order={3} fw={700} c="indigo.8" style={{ letterSpacing: '-0.02em' }}>
                  concord
                </Title>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="md" wrap="nowrap">
            <div style={{ textAlign: 'right', lineHeight: 1.2 }}>
              <Text size="sm" fw={600} data-testid="user-name">
                {user?.name}
              </Text>
              <Text size="xs" c="dimmed">
                {user?.email}
              </Text>
            </div>
            <Badge variant="light" color="indigo" data-testid="user-role">
              {user ? ROLE_LABELS[user.role] ?? user.role : ''}
            </Badge>
            <Button
              variant="default"
              size="xs"
              onClick={async () => {
                await logout().catch(() => undefined)
                navigate('/login', { replace: true })
              }}
            >
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Modules">
        {modules.map((m) => {
          const active = location.pathname === m.path || location.pathname.startsWith(m.path + '/')
          return (
            <NavLink
              key={m.key}
              component={Link}
              to={m.path}
              label={m.label}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={close}
              rightSection={
                m.built ? undefined : (
                  <Text size="xs" c="dimmed">
                    planned
                  </Text>
                )
              }
              style={{ borderRadius: 4 }}
            />
          )
        })}
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
