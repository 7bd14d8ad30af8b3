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

captureToken();

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    <ModalsProvider labels={{ confirm: 'Đồng ý', cancel: 'Hủy' }}>
      <Notifications position="bottom-right" />
      <App />
    </ModalsProvider>
  </MantineProvider>,
);
