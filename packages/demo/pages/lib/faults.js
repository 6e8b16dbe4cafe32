// SPDX-License-Identifier: MIT
// The fault-injection switch: the share of hub requests that fail, hang or lose their answer. The demo server
// passes it to the hub's admin API (the admin token never reaches the page). It is one setting for the whole
// hub, so every party's page shows the same value.
import { say } from './dom.js';

/**
 * Wires a range input (0–0.9) and its output to `/demo/faults`.
 *
 * @param {HTMLInputElement} input
 * @param {HTMLOutputElement} output
 * @param {HTMLElement} status
 */
export function mountFaultControl(input, output, status) {
  const show = (rate) => {
    input.value = String(rate);
    output.value = `${Math.round(rate * 100)} %`;
    input.setAttribute('aria-valuetext', `${Math.round(rate * 100)} percent of hub requests disturbed`);
  };
  const refresh = async () => {
    try {
      const response = await fetch('/demo/faults');
      if (response.ok) show((await response.json()).rate);
    } catch {
      // The next focus tries again.
    }
  };
  input.addEventListener('input', () => {
    output.value = `${Math.round(Number(input.value) * 100)} %`;
  });
  input.addEventListener('change', async () => {
    const rate = Number(input.value);
    try {
      const response = await fetch('/demo/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rate }),
      });
      if (!response.ok) throw new Error(`the demo server answered ${response.status}`);
      show((await response.json()).rate);
      say(
        status,
        rate > 0 ? `The hub now disturbs ${Math.round(rate * 100)} % of requests.` : 'The hub runs without faults.',
      );
    } catch (error) {
      say(status, `The fault rate could not be changed: ${error instanceof Error ? error.message : error}`, 'error');
      void refresh();
    }
  });
  addEventListener('focus', () => void refresh());
  void refresh();
}
