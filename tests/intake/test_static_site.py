"""The static site: content types, precompressed twins, caching, security headers, no cookies,
no way out of the site directory."""
import gzip
import os

from intake_harness import (Deployment, Server, check, header, run, ENVELOPE_PATH)

SECURITY_HEADERS = {
    "Content-Security-Policy": None,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": None,
    "Cross-Origin-Opener-Policy": "same-origin",
}


def make_site(deployment):
    files = {
        "index.html": b"<!doctype html><title>Signaal</title>",
        "app.wasm": b"\0asm\1\0\0\0",
        "app.js": b"console.log('app');",
        "style.css": b"body{}",
        "app.0123abcd.wasm": b"\0asm\1\0\0\0hashed",
        "fonts/noto.woff2": b"wOF2",
        ".hidden": b"secret",
    }
    for name, data in files.items():
        path = os.path.join(deployment.site, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    # Precompressed twins: the server must send these bytes as they are.
    with open(os.path.join(deployment.site, "app.wasm.br"), "wb") as f:
        f.write(b"BROTLI-TWIN")
    with open(os.path.join(deployment.site, "app.wasm.gz"), "wb") as f:
        f.write(gzip.compress(files["app.wasm"]))
    with open(os.path.join(deployment.dir, "outside.txt"), "wb") as f:
        f.write(b"outside the site")


def assert_security_headers(headers, what):
    for name, value in SECURITY_HEADERS.items():
        got = header(headers, name)
        check(got is not None and not isinstance(got, list), "%s: %s missing or repeated" % (what, name))
        check(value is None or got == value, "%s: %s is %r" % (what, name, got))
    check("frame-ancestors 'none'" in header(headers, "Content-Security-Policy"), what + ": CSP frames")
    check(header(headers, "Set-Cookie") is None, what + ": sets a cookie")
    check(header(headers, "Server") is None, what + ": names the server software")


def with_server(args, body):
    deployment = Deployment(args)
    make_site(deployment)
    server = Server(deployment)
    try:
        body(server)
    finally:
        server.stop()
        deployment.cleanup()


def test_content_types_and_headers(args):
    def body(server):
        expected = {
            "/": "text/html; charset=utf-8",
            "/index.html": "text/html; charset=utf-8",
            "/app.wasm": "application/wasm",
            "/app.js": "text/javascript; charset=utf-8",
            "/style.css": "text/css; charset=utf-8",
            "/fonts/noto.woff2": "font/woff2",
        }
        for path, content_type in expected.items():
            status, headers, _ = server.request("GET", path)
            check(status == 200, "%s: status %d" % (path, status))
            check(header(headers, "Content-Type") == content_type,
                  "%s: Content-Type %r" % (path, header(headers, "Content-Type")))
            assert_security_headers(headers, path)
    with_server(args, body)


def test_precompressed_twins(args):
    def body(server):
        status, headers, data = server.request("GET", "/app.wasm", headers={"Accept-Encoding": "gzip, br"})
        check(status == 200 and data == b"BROTLI-TWIN", "br twin not served")
        check(header(headers, "Content-Encoding") == "br", "br: Content-Encoding")
        check(header(headers, "Content-Type") == "application/wasm", "br: type must stay wasm")
        check(header(headers, "Vary") == "Accept-Encoding", "br: Vary")
        status, headers, data = server.request("GET", "/app.wasm", headers={"Accept-Encoding": "gzip"})
        check(header(headers, "Content-Encoding") == "gzip", "gzip: Content-Encoding")
        check(gzip.decompress(data) == b"\0asm\1\0\0\0", "gzip twin content")
        status, headers, data = server.request("GET", "/app.wasm", headers={"Accept-Encoding": "br;q=0"})
        check(header(headers, "Content-Encoding") is None and data == b"\0asm\1\0\0\0",
              "q=0 must refuse br")
        # No twin: the file as it is, never compressed on the fly.
        status, headers, data = server.request("GET", "/app.js", headers={"Accept-Encoding": "gzip, br"})
        check(header(headers, "Content-Encoding") is None and data == b"console.log('app');",
              "a file without a twin must be sent as it is")
    with_server(args, body)


def test_caching(args):
    def body(server):
        status, headers, _ = server.request("GET", "/")
        check(header(headers, "Cache-Control") == "no-cache", "shell must revalidate")
        etag = header(headers, "ETag")
        check(etag, "shell needs an ETag")
        status, headers, data = server.request("GET", "/", headers={"If-None-Match": etag})
        check(status == 304 and data == b"", "revalidation must give 304, got %d" % status)
        status, headers, _ = server.request("GET", "/app.0123abcd.wasm")
        check(header(headers, "Cache-Control") == "public, max-age=31536000, immutable",
              "hashed asset must be immutable")
        for method, path, payload in [("POST", ENVELOPE_PATH, b"x"), ("GET", ENVELOPE_PATH, None),
                                      ("GET", "/no-such-file", None)]:
            status, headers, _ = server.request(method, path, body=payload)
            check(header(headers, "Cache-Control") == "no-store",
                  "%s %s: must be no-store, got %r" % (method, path, header(headers, "Cache-Control")))
            assert_security_headers(headers, "%s %s" % (method, path))
    with_server(args, body)


def test_stays_inside_the_site(args):
    def body(server):
        for path in ["/../outside.txt", "/%2e%2e/outside.txt", "/.hidden", "/fonts/../../outside.txt",
                     "/fonts//noto.woff2", "/index.html%00.txt", "/app.wasm/"]:
            status, _, data = server.request("GET", path)
            check(status in (400, 404), "%s: status %d" % (path, status))
            check(b"outside" not in data and b"secret" not in data, path + ": leaked a file")
    with_server(args, body)


run([test_content_types_and_headers, test_precompressed_twins, test_caching,
     test_stays_inside_the_site])
