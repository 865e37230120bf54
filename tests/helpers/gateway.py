"""A loopback HTTP server answering like Twilio's Messages API, standing in for the text
message gateway: `app` is pointed at it, and every request it gets is collected. A text to
+19495550999 is refused as Twilio refuses an invalid number (400, code 21211)."""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

REFUSED_NUMBER = "+19495550999"


@contextmanager
def sms_gateway_for(app):
    """Serve the stand-in gateway and configure `app` to use it; yield the requests got:
    [{"path", "form", "auth"}]."""
    received = []

    class Gateway(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
            received.append({"path": self.path, "form": form,
                             "auth": self.headers.get("Authorization")})
            refused = form.get("To") == REFUSED_NUMBER
            self.send_response(400 if refused else 201)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            answer = {"code": 21211, "message": "Invalid 'To' Phone Number"} if refused \
                else {"sid": "SM1", "status": "queued"}
            self.wfile.write(json.dumps(answer).encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    app.config.update(
        SMS_API_URL=f"http://127.0.0.1:{server.server_port}/2010-04-01/Accounts/{{account}}"
                    "/Messages.json",
        SMS_ACCOUNT="AC0123", SMS_API_KEY="secret-key", SMS_FROM="+17145550100")
    try:
        yield received
    finally:
        server.shutdown()
        server.server_close()
