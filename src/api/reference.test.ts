// Reference data through the API: the file as the raw body (CSV or Excel), a refused file's rows in
// the problem document with nothing stored, deletion, the size limit, and police themes and roles
// kept out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TABLE_LIMITS } from '../municipal/read-table.ts';
import { makeXlsx } from '../municipal/xlsx.fixtures.ts';
import { openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';
import { XLSX_TYPE } from './routes/reference.routes.ts';

const HEADER = 'KvK-nummer;Handelsnaam;Adres;Postcode;Plaats;Gemeente;SBI;Telefoon';
const GOOD = `${HEADER}\n12345678;Massage Zen;Grote Markt 2;2011 RD;Haarlem;0392;9609;06-12345678\n`;
const BAD = `${HEADER}\n12345678;Massage Zen;Grote Markt 2;2011 RD;Haarlem;0392;9609;06-12345678\nABC;;Markt 3;;Haarlem;0392;9609;\n`;

describe('reference data API', { timeout: 60_000 }, () => {
  let w: ApiWorld;
  let supervisor: Session;
  before(async () => {
    w = await openApiWorld();
    supervisor = await w.login('supervisor-toezicht');
  });
  after(() => w?.close());

  const upload = (session: Session, body: string | Uint8Array, type = 'text/csv', url = '/api/reference/toezicht/kvk?fileName=kvk.csv') =>
    w.app.inject({ method: 'POST', url, headers: { ...session.headers, 'content-type': type }, payload: Buffer.from(body) });
  const list = async (session: Session) => (await w.app.inject({ method: 'GET', url: '/api/reference?theme=toezicht', headers: session.headers })).json().imports as { id: string; version: number; kind: string; fileName: string }[];

  it('imports a CSV sent as the body, and lists it', async () => {
    const res = await upload(supervisor, GOOD);
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual([res.json().version, res.json().rows, res.json().kind], [1, 1, 'kvk']);
    assert.deepEqual((await list(supervisor)).map((i) => [i.kind, i.version, i.fileName]), [['kvk', 1, 'kvk.csv']]);
  });

  it('answers a file with a bad row with 400, every bad row in the problem, and nothing imported', async () => {
    const res = await upload(supervisor, BAD);
    assert.equal(res.statusCode, 400);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.json().detail, 'kvk.csv: 1 row has errors, so nothing was imported');
    assert.deepEqual(res.json().rows, [
      { row: 3, field: 'kvk', reason: '"ABC" is no KvK number (eight digits)' },
      { row: 3, field: 'tradeName', reason: 'tradeName is empty' },
    ]);
    assert.deepEqual((await list(supervisor)).map((i) => i.version), [1]);
  });

  it('imports an Excel workbook as the next version', async () => {
    const bytes = await makeXlsx([HEADER.split(';'), ['87654321', 'Studio Noord', 'Kruisweg 1', '2011 LA', 'Haarlem', '0392', '8690', '']]);
    const res = await upload(supervisor, bytes, XLSX_TYPE, '/api/reference/toezicht/kvk?fileName=kvk.xlsx');
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().version, 2);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const res = await upload(supervisor, new Uint8Array(TABLE_LIMITS.bytes + 1));
    assert.equal(res.statusCode, 413);
    assert.deepEqual((await list(supervisor)).map((i) => i.version), [2, 1]);
  });

  it('deletes a version, after which the list no longer shows it', async () => {
    const [newest] = await list(supervisor);
    const res = await w.app.inject({ method: 'DELETE', url: `/api/reference/${newest!.id}`, headers: supervisor.headers });
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual((await list(supervisor)).map((i) => i.version), [1]);
  });

  it('answers police roles 403 and a police theme 404, and changes nothing', async () => {
    const [kept] = await list(supervisor);
    const expert = await w.login('expert-toezicht');
    assert.equal((await upload(expert, GOOD)).statusCode, 403);
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/reference', headers: expert.headers })).statusCode, 403);
    const policeAdmin = await w.login('admin-mensenhandel');
    assert.equal((await upload(policeAdmin, GOOD, 'text/csv', '/api/reference/mensenhandel/kvk?fileName=kvk.csv')).statusCode, 404);
    assert.equal((await w.app.inject({ method: 'DELETE', url: `/api/reference/${kept!.id}`, headers: policeAdmin.headers })).statusCode, 404);
    assert.deepEqual((await list(supervisor)).map((i) => i.id), [kept!.id]);
  });
});
