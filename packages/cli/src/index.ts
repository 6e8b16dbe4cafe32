// SPDX-License-Identifier: MIT
import { convert } from './commands/convert.js';
import { envelope } from './commands/envelope.js';
import { examples } from './commands/examples.js';
import { hub } from './commands/hub.js';
import { ID_CHECK_USAGE, idCheck } from './commands/id-check.js';
import { inspect } from './commands/inspect.js';
import { receive } from './commands/receive.js';
import { send } from './commands/send.js';
import { validate } from './commands/validate.js';
import { EXIT, processIo, type Io } from './io.js';
import { version } from './version.js';

export type { Io } from './io.js';

const USAGE = `Usage: samspil <command> [options]

Commands:
  id check VALUE [--kind KIND] [--json]   check a Danish identifier (CPR, eCPR, GLN, SOR, CVR, …)
  validate [--json] FILE...               validate MedCom FHIR messages (JSON or XML)
  convert --to xml|json FILE              print a FHIR message in the other serialisation
  inspect [--json] FILE                   say what a letter or message is and print its domain model
  envelope wrap|unwrap [options] FILE     wrap a message in a VANSEnvelope, or read one
  examples --out DIR [--format json|xml]  write the synthetic example set made by the builders
  hub [--port N] [--db PATH] [options]    run the reference hub (mailboxes per GLN) on 127.0.0.1
  send --hub URL --token T FILE...        send messages through the hub reliably; --wait for the acks
  receive --hub URL --token T --out DIR   receive messages from the hub into DIR, acknowledging each

Options:
  -h, --help     show this help
  -v, --version  print the version
`;

/**
 * Runs the `samspil` command line and resolves to its exit status (0 ok, 1 invalid input, 2 usage).
 *
 * @param argv - The arguments after the program name.
 * @param io - Where output goes; the process's streams by default.
 * @example
 * ```ts
 * process.exitCode = await main(['id', 'check', '5790001382445', '--json']);
 * ```
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, subcommand, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    if (command === 'id' && subcommand === 'check') return idCheck(rest, io);
    if (command === 'validate') return await validate(argv.slice(1), io);
    if (command === 'convert') return await convert(argv.slice(1), io);
    if (command === 'inspect') return await inspect(argv.slice(1), io);
    if (command === 'envelope') return await envelope(argv.slice(1), io);
    if (command === 'examples') return await examples(argv.slice(1), io);
    if (command === 'hub') return await hub(argv.slice(1), io);
    if (command === 'send') return await send(argv.slice(1), io);
    if (command === 'receive') return await receive(argv.slice(1), io);
    if (command === 'id') {
      io.stderr(`samspil id: unknown subcommand ${subcommand ?? '(none)'}\n\n${ID_CHECK_USAGE}`);
      return EXIT.usage;
    }
    io.stderr(`samspil: unknown command ${command}\n\n${USAGE}`);
    return EXIT.usage;
  } catch (error) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options: a usage error, not a crash.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`samspil: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
