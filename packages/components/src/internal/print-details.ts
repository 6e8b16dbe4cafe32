// SPDX-License-Identifier: MIT
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Opens every closed `<details>` in the host's shadow root when the page is about to print (`beforeprint`), so
 * paper shows what the screen collapsed, and closes the same ones again afterwards (`afterprint`). Listens only
 * while the host is connected.
 */
export class PrintDetailsController implements ReactiveController {
  private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  /** Details the user closed, reopened for printing and closed again afterwards. */
  private closedForPrint: HTMLDetailsElement[] = [];

  constructor(host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    this.host = host;
    host.addController(this);
  }

  private readonly handleBeforePrint = (): void => {
    const all = this.host.renderRoot.querySelectorAll<HTMLDetailsElement>('details');
    this.closedForPrint = [...all].filter((details) => !details.open);
    for (const details of this.closedForPrint) details.open = true;
  };

  private readonly handleAfterPrint = (): void => {
    for (const details of this.closedForPrint) details.open = false;
    this.closedForPrint = [];
  };

  hostConnected(): void {
    window.addEventListener('beforeprint', this.handleBeforePrint);
    window.addEventListener('afterprint', this.handleAfterPrint);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.handleBeforePrint);
    window.removeEventListener('afterprint', this.handleAfterPrint);
  }
}
