// A progress bar for commands that work through many files, drawn on standard error and only on a
// terminal: a pipe, a log file and `--json` get no bar (and lose nothing: the summary says all).

export interface Progress {
  /** the item now being worked on (the bar shows how many are done, and its name) */
  step(label: string): void;
  /** a line that stays (a refusal): the bar is drawn again under it */
  say(line: string): void;
  done(): void;
}

const WIDTH = 24;

export function progressBar(
  total: number,
  out: NodeJS.WriteStream = process.stderr,
  enabled = Boolean(out.isTTY) && total > 1,
): Progress | null {
  if (!enabled) return null;
  let done = 0;
  let current = '';
  const draw = () => {
    const filled = Math.round((done / total) * WIDTH);
    const name = current.length > 40 ? `…${current.slice(-39)}` : current;
    out.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} ${name}`);
  };
  return {
    step(label) {
      if (current) done++;
      current = label;
      draw();
    },
    say(line) {
      out.write(`\r\x1b[2K${line}\n`);
      draw();
    },
    done() {
      done = total;
      current = '';
      draw();
      out.write('\n');
    },
  };
}
