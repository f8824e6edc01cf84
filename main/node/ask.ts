// One question on the terminal, for commands that must not spend tokens without a yes. Without a
// terminal on stdin (a pipe, CI) there is nobody to ask: null, and the command refuses.
import { createInterface } from 'node:readline/promises';

export async function askOnTerminal(question: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string | null> {
  if (!input.isTTY) return null;
  const rl = createInterface({ input, output });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
