/**
 * The authentication table: SPF, DKIM and DMARC as the receiving side recorded
 * them, whether each matches the From domain, and where the results came from.
 */
import type { Analysis, AuthCheck } from '../../lib/headers/analyze';
import { clip } from './display-text';
import { ScrollTable } from './ScrollTable';

/** A result word as written; one outside the registry says so, since it is never counted as a pass. */
function resultText(check: Pick<AuthCheck, 'result' | 'standard'> | null): string {
  if (!check) return 'none';
  return check.standard
    ? clip(check.result, 40)
    : `${clip(check.result, 40)} (not a standard result; not counted as a pass)`;
}

function alignment(check: AuthCheck): string {
  if (check.aligned === null) return '';
  return check.aligned ? 'matches the From domain' : 'does not match the From domain';
}

export function Authentication({ analysis }: { analysis: Analysis }) {
  const { auth } = analysis;
  const source =
    auth.source === 'authentication-results'
      ? `Recorded by the receiving side (${auth.authservId ?? 'its server did not name itself'}) in the Authentication-Results lines it wrote; lines below the originating hop are not read, since the sender can write them.`
      : auth.source === 'received-spf'
        ? 'Only a Received-SPF line was found, so there are no DKIM or DMARC results.'
        : 'The receiving side recorded no authentication results.';
  return (
    <section aria-labelledby="header-analyzer-auth">
      <h3 id="header-analyzer-auth">Authentication</h3>
      <p>{clip(source)}</p>
      <ScrollTable id="header-analyzer-auth-caption" caption="SPF, DKIM and DMARC results">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">Domain</th>
            <th scope="col">Alignment with From</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">SPF</th>
            <td data-field="spf">{resultText(auth.spf)}</td>
            <td>{auth.spf ? clip(auth.spf.domain ?? '') : 'No result recorded'}</td>
            <td>{auth.spf ? alignment(auth.spf) : ''}</td>
          </tr>
          {auth.dkim.length === 0 ? (
            <tr>
              <th scope="row">DKIM</th>
              <td>none</td>
              <td>No signature was checked</td>
              <td />
            </tr>
          ) : (
            auth.dkim.map((check, index) => (
              <tr key={index}>
                <th scope="row">DKIM{auth.dkim.length > 1 ? ` (signature ${index + 1})` : ''}</th>
                <td data-field="dkim" data-domain={check.domain ?? undefined}>
                  {resultText(check)}
                </td>
                <td>{clip(check.domain ?? '')}</td>
                <td>{alignment(check)}</td>
              </tr>
            ))
          )}
          <tr>
            <th scope="row">DMARC</th>
            <td data-field="dmarc">{resultText(auth.dmarc)}</td>
            <td>{auth.dmarc ? clip(auth.dmarc.domain ?? '') : 'No result recorded'}</td>
            <td />
          </tr>
        </tbody>
      </ScrollTable>
    </section>
  );
}
