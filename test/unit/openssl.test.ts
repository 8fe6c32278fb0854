/**
 * The system OpenSSL as openssl-sys's build script finds it (src/cargo/openssl.ts), on file
 * systems made for each case: where the headers are looked for, how the version is read, the
 * configuration names, and every case where the answer is "not known" rather than a guess. The
 * real machine's OpenSSL against rustc is test/unit/cargoRules.test.ts's.
 */
import assert from 'node:assert/strict';
import { memoryFs } from '../../src/cargo/fs';
import { opensslCfg, systemOpenssl, type SystemOpenssl } from '../../src/cargo/openssl';

const HOST = 'x86_64-unknown-linux-gnu';
const PC = 'prefix=/usr\nexec_prefix=${prefix}\nlibdir=${exec_prefix}/lib/x86_64-linux-gnu\nincludedir=${prefix}/include\n\nName: OpenSSL\n';
const V3 = '# define OPENSSL_VERSION_MAJOR  3\n# define OPENSSL_VERSION_MINOR  1\n# define OPENSSL_VERSION_PATCH  4\n# define OPENSSL_VERSION_NUMBER ( (OPENSSL_VERSION_MAJOR<<28) )\n';
const CONF3 = '#include <openssl/configuration.h>\n#include <openssl/macros.h>\n';
const CONFIGURATION = '# ifndef OPENSSL_NO_IDEA\n#  define OPENSSL_NO_IDEA\n# endif\n# ifndef OPENSSL_NO_SSL3_METHOD\n#  define OPENSSL_NO_SSL3_METHOD\n# endif\n';

function debian(extra: Record<string, string> = {}): Record<string, string> {
  return {
    '/usr/lib/x86_64-linux-gnu/pkgconfig/openssl.pc': PC,
    '/usr/include/openssl/opensslv.h': V3,
    '/usr/include/x86_64-linux-gnu/openssl/opensslconf.h': CONF3,
    '/usr/include/x86_64-linux-gnu/openssl/configuration.h': CONFIGURATION,
    ...extra,
  };
}

function known(r: ReturnType<typeof systemOpenssl>): SystemOpenssl {
  assert.ok(!('unknown' in r), `unknown: ${'unknown' in r ? r.unknown : ''}`);
  return r;
}

describe('the system OpenSSL of openssl-sys (headers read, not run)', () => {
  it('Debian: pkg-config names /usr/include; the version from opensslv.h, the configuration from the multiarch configuration.h', () => {
    const r = known(systemOpenssl(memoryFs(debian()), HOST, HOST, new Set()));
    assert.equal(r.version, 0x3_01_00_04_0n);
    assert.deepEqual([...r.conf].sort(), ['OPENSSL_NO_IDEA', 'OPENSSL_NO_SSL3_METHOD']);
    assert.equal(r.header, '/usr/include/openssl/opensslv.h');
  });

  it('OpenSSL 1.1.1 writes OPENSSL_VERSION_NUMBER itself; /usr/local/include comes before /usr/include, as in the C compiler', () => {
    const fs = memoryFs(debian({ '/usr/local/include/openssl/opensslv.h': '# define OPENSSL_VERSION_NUMBER  0x1010117fL\n', '/usr/local/include/openssl/opensslconf.h': '#ifndef OPENSSL_NO_MD2\n# define OPENSSL_NO_MD2\n#endif\n' }));
    const r = known(systemOpenssl(fs, HOST, HOST, new Set()));
    assert.equal(r.version, 0x1010117fn);
    assert.deepEqual([...r.conf], ['OPENSSL_NO_MD2']);
  });

  it('OPENSSL_DIR (or the target-prefixed one) is looked in first', () => {
    const fs = memoryFs(debian({ '/opt/ssl/include/openssl/opensslv.h': '# define OPENSSL_VERSION_NUMBER 0x1000214fL\n', '/opt/ssl/include/openssl/opensslconf.h': '' }), { X86_64_UNKNOWN_LINUX_GNU_OPENSSL_DIR: '/opt/ssl' });
    assert.equal(known(systemOpenssl(fs, HOST, HOST, new Set())).version, 0x1000214fn);
  });

  it('OpenSSL 3 without deprecated APIs: OPENSSL_NO_DEPRECATED_3_0, as its macros.h defines it', () => {
    const fs = memoryFs(debian({ '/usr/include/x86_64-linux-gnu/openssl/configuration.h': '# define OPENSSL_NO_DEPRECATED\n' }));
    assert.ok(known(systemOpenssl(fs, HOST, HOST, new Set())).conf.has('OPENSSL_NO_DEPRECATED_3_0'));
  });

  it('says why it does not know: vendored, BoringSSL, LibreSSL, a cross build, a web host, compiler or pkg-config variables, no openssl.pc, no headers', () => {
    const why = (files: Record<string, string>, opts: { target?: string; host?: string | undefined; features?: string[]; env?: Record<string, string> } = {}) => {
      const r = systemOpenssl(memoryFs(files, opts.env ?? {}), opts.target ?? HOST, 'host' in opts ? opts.host : HOST, new Set(opts.features ?? []));
      assert.ok('unknown' in r, 'a version was given');
      return r.unknown;
    };
    assert.match(why(debian(), { features: ['vendored'] }), /vendored/);
    assert.match(why(debian(), { features: ['unstable_boringssl'] }), /BoringSSL/);
    assert.match(why(debian({ '/usr/include/openssl/opensslv.h': '# define LIBRESSL_VERSION_NUMBER 0x3050100fL\n# define OPENSSL_VERSION_NUMBER 0x20000000L\n' })), /LibreSSL/);
    assert.match(why(debian(), { target: 'aarch64-unknown-linux-gnu' }), /aarch64-unknown-linux-gnu/);
    assert.match(why(debian(), { host: undefined }), /Linux hosts/);
    assert.match(why(debian(), { host: 'x86_64-apple-darwin', target: 'x86_64-apple-darwin' }), /Linux hosts/);
    assert.match(why(debian(), { env: { CFLAGS: '-I/opt/x' } }), /CFLAGS/);
    assert.match(why(debian(), { env: { PKG_CONFIG_PATH: '/opt/pc' } }), /PKG_CONFIG_PATH/);
    const noPc = debian();
    delete noPc['/usr/lib/x86_64-linux-gnu/pkgconfig/openssl.pc'];
    assert.match(why(noPc), /openssl\.pc/);
    const noHeader = debian();
    delete noHeader['/usr/include/openssl/opensslv.h'];
    assert.match(why(noHeader), /opensslv\.h/);
  });

  it('decides the build scripts’ names: osslXYZ[p] from that version on, osslconf pairs tested by expando.c, no LibreSSL or BoringSSL', () => {
    const ssl: SystemOpenssl = { version: 0x3_00_00_13_0n, conf: new Set(['OPENSSL_NO_IDEA', 'OPENSSL_NO_MD2']), header: '' };
    const tested = new Set(['OPENSSL_NO_IDEA', 'OPENSSL_NO_EC']);
    const on = (n: string) => opensslCfg(n, ssl, tested);
    for (const n of ['openssl', 'const_fn', 'ossl101', 'ossl102h', 'ossl110g', 'ossl111b', 'ossl300', 'osslconf="OPENSSL_NO_IDEA"']) assert.equal(on(n), true, n);
    for (const n of ['ossl310', 'ossl320', 'libressl', 'libressl251', 'boringssl', 'osslconf="OPENSSL_NO_EC"', 'osslconf="OPENSSL_NO_MD2"']) assert.equal(on(n), false, n);
    assert.equal(on('something_else'), undefined);
    const old: SystemOpenssl = { version: 0x1010117fn, conf: new Set(), header: '' };
    assert.equal(opensslCfg('ossl111', old, tested), true);
    assert.equal(opensslCfg('ossl111b', old, tested), true);
    assert.equal(opensslCfg('ossl300', old, tested), false);
    const h: SystemOpenssl = { version: 0x1000207fn, conf: new Set(), header: '' };
    assert.equal(opensslCfg('ossl102f', h, tested), true);
    assert.equal(opensslCfg('ossl102h', h, tested), false);
  });
});
