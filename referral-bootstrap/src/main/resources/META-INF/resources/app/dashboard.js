// The referrer's dashboard (/app/): a client of the public API (api.js keeps the session in memory only).
import { ApiError, call, onSessionEnd, publicCall, signIn, signOut, signedIn } from './api.js';
import { draw, perDay } from './chart.js';
import { date, onSubmit, say, timeElement } from './forms.js';

const DAY_MS = 86_400_000;
const STATUSES = ['PENDING', 'FLAGGED', 'QUALIFIED', 'REWARDED', 'VOIDED'];
const $ = (id) => document.getElementById(id);

let settings = { codeMaxTtlDays: 365 };
let activeCode = null;

function cell(row, content, className) {
  const td = document.createElement('td');
  if (content instanceof Node) td.appendChild(content); else td.textContent = content ?? '';
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

/** A ledger reason such as REFERRAL_REFERRER as words: "referral referrer". */
function humane(slug) {
  return String(slug || '').toLowerCase().replaceAll('_', ' ');
}

function badge(status) {
  const span = document.createElement('span');
  span.className = `badge ${status}`;
  span.textContent = status;
  return span;
}

function showSignedIn(isIn) {
  $('signed-out').hidden = isIn;
  $('dashboard').hidden = !isIn;
  $('whoami').hidden = !isIn;
  $('reload').hidden = !isIn;
  $('sign-out').hidden = !isIn;
}

function renderUser(me) {
  $('whoami').textContent = `Signed in as ${me.username}`;
  const state = $('verification-state');
  if (me.emailVerified) {
    state.textContent = `${me.email} is confirmed.`;
    state.className = 'notice ok';
  } else {
    state.textContent = `${me.email} is not confirmed yet: open the link we mailed you.`;
    state.className = 'notice';
  }
  $('resend').hidden = Boolean(me.emailVerified);
}

function renderCode(code) {
  activeCode = code;
  $('active-code').hidden = !code;
  $('create-code').hidden = Boolean(code);
  $('revoke-confirm').hidden = true;
  $('revoke').hidden = false;
  say($('copy-result'), '');
  if (code) {
    $('code-value').textContent = code.code;
    $('code-expiry').replaceChildren(timeElement(code.expiresAt, true));
    $('share-link').value = code.shareLink;
    $('qr').src = `/r/${encodeURIComponent(code.code)}/qr.svg`;
  } else {
    prepareExpiryPicker();
  }
}

function isoDay(offsetDays) {
  return new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

function prepareExpiryPicker() {
  const input = $('code-expires');
  input.min = isoDay(1);
  input.max = isoDay(settings.codeMaxTtlDays);
  if (!input.value) input.value = isoDay(Math.min(30, settings.codeMaxTtlDays));
  $('code-expires-hint').textContent = `Between tomorrow and ${date(input.max)} (at most ${settings.codeMaxTtlDays} `
    + 'days from today).';
}

function renderStats(stats) {
  const figures = [
    ['Referrals', stats.totalReferrals],
    ['Last 7 days', stats.last7Days],
    ['Last 30 days', stats.last30Days],
    ['Reward balance', stats.rewardBalance],
    ...STATUSES.map((status) => [status.charAt(0) + status.slice(1).toLowerCase(), stats.byStatus[status] ?? 0]),
  ];
  $('figures').replaceChildren(...figures.map(([label, value]) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = label;
    dd.textContent = String(value);
    div.append(dt, dd);
    return div;
  }));
}

function renderReferrals(referrals) {
  const body = $('referrals').tBodies[0];
  body.replaceChildren(...referrals.map((referral) => {
    const row = document.createElement('tr');
    row.dataset.referee = referral.referee.username;
    cell(row, referral.referee.username);
    cell(row, referral.referee.email);
    cell(row, referral.code);
    cell(row, timeElement(referral.createdAt));
    cell(row, badge(referral.status)).dataset.field = 'status';
    cell(row, referral.statusReason || '').dataset.field = 'reason';
    cell(row, String(referral.points ?? 0), 'number');
    return row;
  }));
  $('no-referrals').hidden = referrals.length > 0;
}

function renderRewards(rewards) {
  $('balance').textContent = String(rewards.balance);
  const entries = rewards.entries.items;
  $('ledger').tBodies[0].replaceChildren(...entries.map((entry) => {
    const row = document.createElement('tr');
    cell(row, timeElement(entry.createdAt));
    cell(row, String(entry.points), 'number');
    cell(row, humane(entry.reason));
    return row;
  }));
  $('no-rewards').hidden = entries.length > 0;
}

/** The caller's referrals of the last 30 days (newest first, paged until older ones start), for the chart. */
async function recentReferrals() {
  const since = Date.now() - 30 * DAY_MS;
  const all = [];
  for (let page = 1; ; page += 1) {
    const answer = await call('GET', `/api/v1/users/me/referrals?page=${page}&size=100`);
    all.push(...answer.items);
    const last = answer.items[answer.items.length - 1];
    if (page >= answer.pages || !last || new Date(last.createdAt).getTime() < since) return all;
  }
}

async function load() {
  const [me, stats, referrals, rewards] = await Promise.all([
    call('GET', '/api/v1/users/me'),
    call('GET', '/api/v1/users/me/referral-stats'),
    recentReferrals(),
    call('GET', '/api/v1/users/me/rewards?size=20'),
  ]);
  renderUser(me);
  renderCode(stats.activeCode);
  renderStats(stats);
  renderReferrals(referrals);
  renderRewards(rewards);
  draw($('chart'), perDay(referrals.map((r) => r.createdAt)));
}

async function loadOrExplain() {
  try {
    await load();
    say($('session-state'), '');
  } catch (error) {
    if (signedIn()) say($('session-state'), error instanceof ApiError ? error.describe() : 'Could not load your data.');
  }
}

async function copyLink() {
  const input = $('share-link');
  try {
    await navigator.clipboard.writeText(input.value);
    say($('copy-result'), 'Link copied.');
  } catch (error) {
    // No clipboard permission (or an old browser): select it, so that Ctrl+C / long-press copies it.
    input.focus();
    input.select();
    say($('copy-result'), 'Link selected: press Ctrl+C (or ⌘C) to copy it.');
  }
}

async function revoke() {
  await call('DELETE', `/api/v1/referral-codes/${encodeURIComponent(activeCode.code)}`);
  await loadOrExplain();
  $('code-expires').focus();
}

function wire() {
  onSubmit($('sign-in'), $('sign-in-error'), async (fields) => {
    await signIn(fields.username, fields.password || '');
    $('sign-in').reset();
    showSignedIn(true);
    await loadOrExplain();
  });
  onSubmit($('register'), $('register-error'), async (fields) => {
    await publicCall('POST', '/api/v1/auth/register', fields);
    await signIn(fields.username, fields.password);
    $('register').reset();
    showSignedIn(true);
    await loadOrExplain();
  });
  onSubmit($('create-code'), $('create-error'), async (fields) => {
    const body = { expiresAt: `${fields.expires}T00:00:00Z` };
    if (fields.code) body.code = fields.code;
    await call('POST', '/api/v1/referral-codes', body);
    $('create-code').reset();
    await loadOrExplain();
    $('copy-link').focus();
  });
  $('copy-link').addEventListener('click', copyLink);
  $('revoke').addEventListener('click', () => {
    $('revoke').hidden = true;
    $('revoke-confirm').hidden = false;
    $('revoke-no').focus();
  });
  $('revoke-no').addEventListener('click', () => {
    $('revoke-confirm').hidden = true;
    $('revoke').hidden = false;
    $('revoke').focus();
  });
  $('revoke-yes').addEventListener('click', () => revoke().catch((error) => say($('session-state'), error.message)));
  $('resend').addEventListener('click', async () => {
    await call('POST', '/api/v1/auth/email-verification');
    say($('resend-result'), 'A new confirmation link is on its way (at most a few per hour).');
  });
  $('reload').addEventListener('click', loadOrExplain);
  $('sign-out').addEventListener('click', async () => {
    await signOut();
    say($('session-state'), 'You are signed out.');
  });
  onSessionEnd(() => {
    showSignedIn(false);
    $('sign-in-username').focus();
  });
}

async function start() {
  try {
    const response = await fetch('/app/config.json', { cache: 'no-cache' });
    if (response.ok) settings = await response.json();
  } catch (error) {
    // The defaults above hold; the service checks the expiry anyway.
  }
  wire();
  showSignedIn(false);
}

start();
