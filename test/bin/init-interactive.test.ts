import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, tempDir } from '../helpers/cli.js';

// Drives `salesmeet init` through a real pseudo-terminal: tmux runs it, send-keys types the answers and
// capture-pane reads the screen, as a person at a terminal would see it.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const tmp = tempDir();
const socket = `salesmeet-test-${process.pid}`;
afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  tmp.cleanup();
});

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (s: string) => tmux('capture-pane', '-p', '-t', s, '-S', '-200');

async function waitFor(session: string, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = screen(session);
    if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
    if (Date.now() > until) throw new Error(`timed out waiting for ${String(text)}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function start(session: string, args: string, tz = 'Asia/Shanghai') {
  const cmd = `cd ${tmp.dir} && env -u CI NO_COLOR=1 LANG=en_US.UTF-8 TZ=${tz} ${process.execPath} ${BIN} ${args}; echo "EXIT=$?"; sleep 30`;
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', cmd);
}

async function answer(session: string, prompt: string | RegExp, keys: string[]) {
  await waitFor(session, prompt);
  for (const k of keys) {
    if (k === 'Enter' || k === 'Up' || k === 'Down' || k === 'C-c') tmux('send-keys', '-t', session, k);
    else tmux('send-keys', '-t', session, '-l', k);
  }
}

describe.runIf(hasTmux)('salesmeet init in a terminal', () => {
  it('asks every question, validates answers, and writes what was typed', async () => {
    const s = 'ask';
    start(s, 'init east-weekly --lang en');
    await answer(s, 'Meeting type', ['Up', 'Enter']);
    await answer(s, 'Date (YYYY-MM-DD)', ['2026/07/06', 'Enter']);
    await waitFor(s, 'expected a date YYYY-MM-DD, found "2026/07/06"');
    for (let i = 0; i < 10; i++) tmux('send-keys', '-t', s, 'BSpace');
    tmux('send-keys', '-t', s, '-l', '2026-07-06');
    tmux('send-keys', '-t', s, 'Enter');
    await answer(s, 'Title', ['East region weekly', 'Enter']);
    await answer(s, 'Start time (HH:MM)', ['Enter']);
    await answer(s, 'Location, or an https:// link', ['Room 3', 'Enter']);
    await answer(s, '? Host', ['Wang Fang', 'Enter']);
    await answer(s, 'Minute-taker', ['Li Na', 'Enter']);
    await answer(s, /Attendee .*\(empty to finish\)/, ['Huang Tao,Senior rep,Shanghai', 'Enter']);
    await waitFor(s, /Huang Tao,Senior rep,Shanghai[\s\S]*Attendee/);
    tmux('send-keys', '-t', s, 'Enter');
    await answer(s, 'Meeting objective', ['Track last week', 'Enter']);
    await waitFor(s, /Track last week[\s\S]*Meeting objective/);
    tmux('send-keys', '-t', s, 'Enter');
    const topics: [string, string][] = [
      ['Results', 'Gap agreed'],
      ['Overdue payments', 'An owner per customer'],
      ['Visits', 'Visit list per rep'],
    ];
    for (const [i, [title, outcome]] of topics.entries()) {
      await answer(s, `Key topic ${i + 1} of 3–5`, [title, 'Enter']);
      await answer(s, new RegExp(`${title}[\\s\\S]*Expected outcome`), [outcome, 'Enter']);
    }
    await answer(s, 'Key topic 4 of 3–5', ['Enter']);
    await answer(s, 'Write the meeting folder?', ['Enter']);
    const out = await waitFor(s, /EXIT=\d+/);
    expect(out).toContain('EXIT=0');
    expect(out).toContain('create  east-weekly/meeting.yaml');

    const m = parse(readFileSync(join(tmp.dir, 'east-weekly/meeting.yaml'), 'utf8'));
    expect(m).toMatchObject({
      title: 'East region weekly',
      type: 'weekly',
      date: '2026-07-06',
      start: '09:00',
      location: 'Room 3',
      host: 'Wang Fang',
      recorder: 'Li Na',
      objectives: ['Track last week'],
      topics: [
        { title: 'Results', outcome: 'Gap agreed' },
        { title: 'Overdue payments', outcome: 'An owner per customer' },
        { title: 'Visits', outcome: 'Visit list per rep' },
      ],
    });
    expect(m.attendees.map((a: { name: string }) => a.name)).toEqual(['Wang Fang', 'Li Na', 'Huang Tao']);
  }, 90_000);

  it('skips the questions whose flags are given', async () => {
    const s = 'flags';
    start(
      s,
      'init partly --lang en --type daily --date 2026-07-07 --title Standup --start 08:30 --location Lobby --host A --recorder B --attendee C --objective O --topic T',
    );
    await answer(s, 'Write the meeting folder?', ['Enter']);
    const out = await waitFor(s, /EXIT=\d+/);
    expect(out).not.toContain('Meeting type');
    expect(out).toContain('EXIT=0');
    expect(parse(readFileSync(join(tmp.dir, 'partly/meeting.yaml'), 'utf8'))).toMatchObject({
      type: 'daily',
      start: '08:30',
    });
  }, 60_000);

  it('on a machine whose zone is UTC, asks for the time zone, suggesting the one of the meeting language', async () => {
    const s = 'utc';
    start(
      s,
      'init utc-ask --lang zh-CN --type weekly --date 2026-07-06 --title 周会 --start 09:00 --location 3号会议室 --host 王芳 --recorder 李娜 --attendee 张伟 --objective O --topic T',
      'UTC',
    );
    const asked = await waitFor(s, '会议时区（本机为 UTC）');
    expect(asked).toContain('Asia/Shanghai');
    // Typing replaces the suggestion; a zone that does not exist is refused with the format's message.
    tmux('send-keys', '-t', s, '-l', 'Asia/Shangai');
    tmux('send-keys', '-t', s, 'Enter');
    await waitFor(s, '应为IANA 时区，例如 Asia/Shanghai，实际是 "Asia/Shangai"');
    for (let i = 0; i < 12; i++) tmux('send-keys', '-t', s, 'BSpace');
    tmux('send-keys', '-t', s, '-l', 'Asia/Taipei');
    tmux('send-keys', '-t', s, 'Enter');
    await answer(s, '确认创建会议文件夹？', ['Enter']);
    const out = await waitFor(s, /EXIT=\d+/);
    expect(out).toContain('EXIT=0');
    // Asked, so not announced.
    expect(out).not.toContain('时区：本机为 UTC');
    expect(parse(readFileSync(join(tmp.dir, 'utc-ask/meeting.yaml'), 'utf8')).timezone).toBe('Asia/Taipei');
  }, 60_000);

  it('Ctrl-C at a prompt cancels with exit 130 and writes nothing', async () => {
    const s = 'cancel';
    start(s, 'init cancelled --lang en');
    await answer(s, 'Meeting type', ['C-c']);
    const out = await waitFor(s, /EXIT=\d+/);
    expect(out).toContain('EXIT=130');
    expect(out).toContain('cancelled');
    expect(out).not.toMatch(/\n\s+at /);
    expect(existsSync(join(tmp.dir, 'cancelled'))).toBe(false);
  }, 60_000);
});
