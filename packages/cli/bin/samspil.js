#!/usr/bin/env node
// SPDX-License-Identifier: MIT
import { main } from '../dist/index.js';

process.exitCode = await main(process.argv.slice(2));
