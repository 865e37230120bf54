"""The bare reference page the page benchmark compares against: Flask rendering 20 result
cards from a list in memory (no database, no index), served by the same gunicorn command
(`make serve WSGI_APP=bench.reference:app`) in the same run."""

from flask import Flask, render_template_string

app = Flask(__name__)

CARDS = [{"name": f"Harbor Counseling Services {i}", "organization": "Harbor Bridge Alliance",
          "address": f"{100 + i} Main St, Lake Forest, CA 92630", "phone": "(949) 555-0142",
          "distance": 1.2 + i / 10, "hours": "Open now · until 5:00 pm",
          "summary": "Weekly recovery support group for adults, evenings, in English and "
                     "Spanish. Takes Medi-Cal; sliding scale for others."} for i in range(20)]

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>20 results</title>
</head><body><header><p>In crisis? Call or text <a href="tel:988">988</a>.</p></header>
<main id="main"><h1>20 services near 92630</h1><ol class="results">
{% for card in cards %}<li><article class="card"><h2><a href="/services/{{ loop.index }}">
{{ card.name }}</a></h2><p class="org">{{ card.organization }}</p>
<p>{{ card.summary }}</p><p>{{ card.address }} · {{ "%.1f"|format(card.distance) }} miles</p>
<p><a href="tel:{{ card.phone }}">{{ card.phone }}</a> · {{ card.hours }}</p>
</article></li>{% endfor %}</ol></main></body></html>"""


@app.get("/")
def results():
    return render_template_string(PAGE, cards=CARDS)
