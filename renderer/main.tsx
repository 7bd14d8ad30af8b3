import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { ModalsProvider } from '@mantine/modals';
import { captureToken } from './lib/api';
import { App } from './app/App';
import { cssVariablesResolver, theme } from './app/theme';
import { ErrorBoundary } from './features/diagnostics/ErrorBoundary';
import { installWindowErrorHandlers } from './features/diagnostics/report';
import { useRouter } from './app/router';
import { S } from './app/strings';
import { H } from './features/home/strings';

captureToken();
// an error nothing caught is shown and logged, with the screen it happened on
installWindowErrorHandlers(() => {
  const id = useRouter.getState().route;
  return id === 'home' ? H.nav : S.nav[id];
});

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    <ModalsProvider labels={{ confirm: 'Đồng ý', cancel: 'Hủy' }}>
      <Notifications position="bottom-right" />
      {/* the screens have their own (App); this one keeps the window from going blank */}
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </ModalsProvider>
  </MantineProvider>,
);
