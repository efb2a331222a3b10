/** Browser entry: global styles, Pinia, the router with the sign-in guard, then mount. */
import '../shared/ui/styles/tokens.css';
import '../shared/ui/styles/base.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { installAuthGuard } from '../features/auth/auth-guard';
import { useThemeStore } from '../features/theme/theme-store';
import App from './App.vue';
import { createAppRouter } from './router';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
const router = createAppRouter();
// Before the first navigation: every page checks the session (sign-in, setup, roles).
installAuthGuard(router, pinia);
app.use(router);
// Created eagerly so the system-preference listener runs even before anyone opens the switcher.
useThemeStore(pinia);
app.mount('#app');
