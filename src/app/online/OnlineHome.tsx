import { useState } from 'react';
import { AppLink, OnlineHeader } from './OnlineHeader';
import { PublicMatches } from './PublicMatches';
import { codeProblem, normalizeCode } from './seats';
import { navigate } from './urls';

/**
 * Play online: host a new match, join one by its code, run or join a class, or pick an open
 * public match.
 */
export function OnlineHome() {
  return (
    <main className="online-page">
      <OnlineHeader title="Play online" />
      <div className="online-grid">
        <section className="panel online-card host-card" aria-labelledby="host-title">
          <h2 id="host-title">Host a match</h2>
          <p>
            For a teacher or a facilitator: choose the scenario and who plays each role. You get a
            short code and a QR code for the room.
          </p>
          <AppLink to="/online/new" className="btn primary big">
            Create a match
          </AppLink>
        </section>
        <JoinByCode />
        <section className="panel online-card" aria-labelledby="class-title">
          <h2 id="class-title">A class or a workshop</h2>
          <p>
            Many tables at once: one code for the whole class, students dealt to tables and roles,
            and a console to time, steer and watch every table.
          </p>
          <div className="code-row">
            <AppLink to="/console" className="btn primary">
              Run a class
            </AppLink>
            <AppLink to="/class" className="btn">
              Join a class
            </AppLink>
          </div>
        </section>
        <PublicMatches />
      </div>
    </main>
  );
}

/** The code form: a code shown by the host goes to /join/CODE. */
export function JoinByCode() {
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  const problem = codeProblem(code);
  return (
    <section className="panel online-card" aria-labelledby="code-title">
      <h2 id="code-title">Join with a code</h2>
      <form
        className="code-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!problem) navigate(`/join/${normalizeCode(code)}`);
        }}
      >
        <label htmlFor="join-code">Code from the host screen</label>
        <div className="code-row">
          <input
            id="join-code"
            type="text"
            className="code-input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={14}
            value={code}
            aria-invalid={tried && problem !== null}
            aria-describedby="join-code-problem"
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="btn primary">
            Find the match
          </button>
        </div>
        <p id="join-code-problem" className="form-problem" role="status">
          {tried ? problem : null}
        </p>
      </form>
    </section>
  );
}
