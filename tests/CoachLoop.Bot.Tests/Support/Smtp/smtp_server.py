"""A real SMTP server on loopback for the email tests: Debian's aiosmtpd, with a handler the test steers.

Usage: python3 smtp_server.py PORT DIR

Every message the server accepts (answers 250 to, on a connection still open) is written to DIR/NNNN.eml. Before each
DATA answer the handler reads DIR/rules.json, if present, which the test writes:
  {"answers": ["451 4.3.0 Try again later", ...],  # the next DATA answers, one per message, instead of 250
   "hold": 1, "holdSeconds": 30}                  # hold the next N DATA answers this long (a send in flight)
A held message whose client went away meanwhile is dropped, as a real MTA does with a message it never acknowledged.
"""
import asyncio
import json
import os
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

PORT = int(sys.argv[1])
DIR = sys.argv[2]
RULES = os.path.join(DIR, "rules.json")


def take_rules():
    if not os.path.exists(RULES):
        return None, 0
    with open(RULES, encoding="utf-8") as f:
        rules = json.load(f)
    answer = None
    answers = rules.get("answers") or []
    if answers:
        answer = answers.pop(0)
        rules["answers"] = answers
    hold = 0
    if rules.get("hold", 0) > 0:
        rules["hold"] -= 1
        hold = rules.get("holdSeconds", 30)
    with open(RULES + ".tmp", "w", encoding="utf-8") as f:
        json.dump(rules, f)
    os.replace(RULES + ".tmp", RULES)
    return answer, hold


class Handler:
    def __init__(self):
        self.count = len([n for n in os.listdir(DIR) if n.endswith(".eml")])

    async def handle_DATA(self, server, session, envelope):
        answer, hold = take_rules()
        if hold:
            await asyncio.sleep(hold)
        if answer:
            return answer
        if server.transport is None or server.transport.is_closing():
            return "451 4.4.2 connection lost before the message was acknowledged"
        self.count += 1
        path = os.path.join(DIR, "%04d.eml" % self.count)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(path + ".tmp", path)
        return "250 2.0.0 OK queued as %04d" % self.count


class Server(Controller):
    def factory(self):
        return SMTP(self.handler, enable_SMTPUTF8=True, hostname="smtp.test")


controller = Server(Handler(), hostname="127.0.0.1", port=PORT)
controller.start()
print("READY", flush=True)
try:
    sys.stdin.read()
finally:
    controller.stop()
