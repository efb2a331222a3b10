/** Browser entry: global styles, Pinia, the router, then mount. */
import '../shared/ui/styles/tokens.css';
import '../shared/ui/styles/base.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { useThemeStore } from '../features/theme/theme-store';
import App from './App.vue';
import { createAppRouter } from './router';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(createAppRouter());
// Created eagerly so the system-preference listener runs even before anyone opens the switcher.
useThemeStore(pinia);
app.mount('#app');
