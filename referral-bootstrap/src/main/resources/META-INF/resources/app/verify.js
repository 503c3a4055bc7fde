// The page behind the verification link (/verify-email?token=...): confirms the address with the token, after
// taking the token out of the address bar (and so out of the history).
import { publicCall } from './api.js';

const state = document.getElementById('verify-state');
const token = new URLSearchParams(window.location.search).get('token');
window.history.replaceState(null, '', window.location.pathname);

async function confirm() {
  if (!token) {
    state.textContent = 'This link has no confirmation token. Open the link from the mail again.';
    return;
  }
  try {
    await publicCall('POST', '/api/v1/auth/email-verification/confirm', { token });
    state.textContent = 'Thank you: your email address is confirmed.';
    state.className = 'notice ok';
  } catch (error) {
    state.textContent = 'This link does not work any more (it may have been used or have expired). '
      + 'Sign in and ask for a new one.';
    state.className = 'notice';
  }
}

confirm();
