// Small helpers the pages share: form values, messages, dates.

/** The form's fields as an object of trimmed strings (passwords untouched); empty optional fields left out. */
export function values(form) {
  const result = {};
  for (const [name, value] of new FormData(form).entries()) {
    const text = name === 'password' ? value : String(value).trim();
    if (text !== '') result[name] = text;
  }
  return result;
}

/** Shows a message in an element (as text, never as markup); an empty message hides it. */
export function say(element, message) {
  element.textContent = message || '';
  element.hidden = !message;
}

/** Runs an action for a submitted form: busy button, errors shown in the form's alert element. */
export function onSubmit(form, errorElement, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    say(errorElement, '');
    if (!form.checkValidity()) {
      form.reportValidity();
      return;
    }
    button.disabled = true;
    try {
      await action(values(form));
    } catch (error) {
      say(errorElement, error.describe ? error.describe() : 'Something went wrong; please try again.');
    } finally {
      button.disabled = false;
    }
  });
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function date(instant) {
  return instant ? DATE.format(new Date(instant)) : '';
}

export function dateTime(instant) {
  return instant ? DATE_TIME.format(new Date(instant)) : '';
}

/** A <time> element showing an instant. */
export function timeElement(instant, withTime) {
  const element = document.createElement('time');
  element.dateTime = instant;
  element.textContent = withTime ? dateTime(instant) : date(instant);
  return element;
}
