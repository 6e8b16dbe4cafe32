// SPDX-License-Identifier: MIT
import { css } from 'lit';

/** `.visually-hidden`: text for assistive technology only, in the accessibility tree but taking no room on screen. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
