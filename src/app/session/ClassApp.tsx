import { useEffect, useState } from 'react';
import { SCENARIOS } from '../../../game/engine';
import { netClient } from '../online/netClient';
import { TeamBoard } from './TeamBoard';
import { OnlineHeader } from '../online/OnlineHeader';
import { Spectator } from '../online/Spectator';
import { navigate } from '../online/urls';
import { clock, sessionApi, timeLeft, useSessionFeed, useTick, type SavedStudent } from './client';
import { TalkPanel, type Recipient } from './TalkPanel';
import '../online/online.css';
import './session.css';

const NetClient = netClient(TeamBoard);
const WatchClient = netClient(Spectator);

/** /class and /class/CODE: a student joins a session with its code and a name, then plays. */
export default function ClassApp({ code, onRules }: { code: string; onRules(): void }) {
  const [saved, setSaved] = useState<SavedStudent | null>(() =>
    code ? sessionApi.savedStudent(code) : null,
  );
  if (!saved) return <JoinClass code={code} onJoined={setSaved} />;
  return (
    <StudentScreen
      code={code}
      saved={saved}
      onRules={onRules}
      onLeave={() => {
        sessionApi.forgetStudent(code);
        setSaved(null);
      }}
    />
  );
}

function JoinClass({ code, onJoined }: { code: string; onJoined(s: SavedStudent): void }) {
  const [typed, setTyped] = useState(code);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <main className="online-page narrow">
      <OnlineHeader title="Join your class" />
      <form
        className="panel online-card class-join"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          setBusy(true);
          const upper = typed.trim().toUpperCase();
          sessionApi.join(upper, name).then(
            (r) => {
              const s = { sessionID: r.sessionID, token: r.token, name: name.trim() };
              sessionApi.saveStudent(upper, s);
              if (upper !== code) navigate(`/class/${upper}`);
              onJoined(s);
            },
            (err: unknown) => {
              setProblem(err instanceof Error ? err.message : String(err));
              setBusy(false);
            },
          );
        }}
      >
        <label>
          Session code
          <input
            type="text"
            className="code-input"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={16}
            required
          />
        </label>
        <label>
          Your name
          <input
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={24}
            autoComplete="nickname"
            required
          />
        </label>
        <button type="submit" className="btn primary big" disabled={busy}>
          {busy ? 'Joining…' : 'Join'}
        </button>
        {problem && (
          <p className="problem" role="alert">
            {problem[0]?.toUpperCase() + problem.slice(1)}.
          </p>
        )}
      </form>
    </main>
  );
}

function StudentScreen({
  code,
  saved,
  onRules,
  onLeave,
}: {
  code: string;
  saved: SavedStudent;
  onRules(): void;
  onLeave(): void;
}) {
  const feed = useSessionFeed(saved.sessionID, saved.token);
  useTick();
  const me = feed.student;
  useEffect(() => {
    if (feed.error === 'not in this session' || feed.error === 'no such session') onLeave();
  }, [feed.error, onLeave]);
  const seats = SCENARIOS[me?.scenario ?? '']?.seats ?? [];
  const seatName = (_table: number, seat: string) => seats[Number(seat)]?.name ?? `seat ${seat}`;
  const left = timeLeft(me?.timer ?? null, feed.skew);
  const a = me?.assignment;
  const recipients: Recipient[] = [
    { value: undefined, label: 'My whole table' },
    ...seats
      .map((s, i) => ({ s, id: String(i) }))
      .filter(({ s, id }) => s.role !== 'facilitator' && id !== a?.seat)
      .map(({ s, id }) => ({ value: { seat: id }, label: `${s.name} only` })),
  ];
  return (
    <div className="class-screen">
      <header className="class-strip" aria-label="Your class">
        <span>
          <strong>{saved.name}</strong> · code {code}
        </span>
        <span role="status" data-testid="class-place">
          {!me
            ? 'Connecting…'
            : me.status === 'lobby'
              ? a
                ? `Table ${a.table + 1}${a.seat !== null ? ` · ${seatName(a.table, a.seat)}` : ' · observer'} — waiting for the start`
                : 'Waiting for the facilitator to seat you'
              : me.status === 'ended'
                ? 'The session has ended'
                : a
                  ? `Table ${a.table + 1} · ${a.seat !== null ? seatName(a.table, a.seat) : 'observer'}`
                  : 'Waiting for a place at a table'}
        </span>
        {left !== null && (
          <span
            className={`class-timer ${left <= 30 ? 'urgent' : ''}`}
            role="timer"
            aria-label={`${left} seconds left in this round`}
          >
            {me?.timer?.endsAt === null ? 'Paused · ' : ''}
            {clock(left)} left
          </span>
        )}
        {!feed.connected && <span className="problem">Reconnecting…</span>}
      </header>
      {me?.play?.playerID && me.play.credentials ? (
        <NetClient
          key={me.play.credentials}
          matchID={me.play.matchID}
          playerID={me.play.playerID}
          credentials={me.play.credentials}
          onRules={onRules}
          onQuit={() => navigate('/')}
          creator={false}
          myName={saved.name}
          {...(me.team
            ? {
                draftVia: (move: string, args: unknown[]) => feed.draft({ move, args }),
                ...(me.teamDraft ? { teamDraft: me.teamDraft } : {}),
              }
            : {})}
        />
      ) : me?.play ? (
        <WatchClient
          key={me.play.matchID}
          matchID={me.play.matchID}
          onRules={onRules}
          onQuit={() => navigate('/')}
        />
      ) : (
        <main className="online-page narrow">
          <section className="panel online-card">
            <h2>You are in</h2>
            <p>
              Keep this page open. When the facilitator starts the tables, your board appears here.
            </p>
          </section>
        </main>
      )}
      <div className="class-talk">
        <TalkPanel
          talk={feed.talk}
          recipients={recipients}
          seatName={seatName}
          onSay={(text, to) => feed.say({ text, ...(to !== undefined ? { to } : {}) })}
          {...(me?.status === 'running' && a?.seat != null
            ? {}
            : { disabled: 'You can write once you have a seat at a running table.' })}
        />
      </div>
    </div>
  );
}
