// A screen that throws while drawing shows what happened and ways on (try again, home, reload,
// copy the details) instead of leaving the window blank; the error goes to the error log.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Code, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { D } from './strings';
import { copyForSupport, errorDetails, reportError, type About } from './report';

interface Props {
  /** the screen's name as the menu says it; absent for the whole window */
  screen?: string;
  /** the app's version and host, for the copied details */
  about?: About;
  /** "Về Tổng quan" (the page-level boundary) */
  onHome?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  componentStack: string | undefined;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const componentStack = info.componentStack ?? undefined;
    this.setState({ componentStack });
    reportError('screen', this.props.screen ?? 'cửa sổ ứng dụng', error, componentStack);
  }

  private reset = () => this.setState({ error: null, componentStack: undefined });

  override render() {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    const { screen, onHome, about } = this.props;
    const details = errorDetails(screen ?? 'cửa sổ ứng dụng', error, about, componentStack);
    return (
      <Alert color="red" title={screen ? D.screenFailed(screen) : D.appFailed} m={screen ? 0 : 'xl'} data-testid="screen-error">
        <Stack gap="sm">
          <Text size="sm">{D.failedBody}</Text>
          <Code block data-testid="screen-error-message">
            {error.message}
          </Code>
          <Group gap="xs">
            <Button size="xs" onClick={this.reset} data-testid="screen-error-retry">
              {D.retry}
            </Button>
            {onHome && (
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  onHome();
                  this.reset();
                }}
              >
                {D.home}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => window.location.reload()}>
              {D.reload}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => void copyForSupport(details)} data-testid="screen-error-copy">
              {D.copy}
            </Button>
          </Group>
          <ScrollArea.Autosize mah={160}>
            <Code block fz="xs" c="dimmed">
              {details}
            </Code>
          </ScrollArea.Autosize>
        </Stack>
      </Alert>
    );
  }
}
