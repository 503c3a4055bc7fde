// The sign-up form of the page behind a share link (/r/{code}): registers with the link's code when it still
// works (the page says so with data-code), else plainly; then asks the new user to confirm their email.
import { publicCall } from './api.js';
import { onSubmit } from './forms.js';

const form = document.getElementById('signup');
const done = document.getElementById('signup-done');

onSubmit(form, document.getElementById('signup-error'), async (fields) => {
  const code = form.dataset.code;
  const path = code ? `/api/v1/auth/register/${encodeURIComponent(code)}` : '/api/v1/auth/register';
  await publicCall('POST', path, fields);
  form.hidden = true;
  done.textContent = `Almost done: we sent a link to ${fields.email}. Open it to confirm your email address, `
    + 'then sign in.';
  done.hidden = false;
  done.focus();
});
