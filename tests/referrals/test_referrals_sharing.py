"""Share links: an unguessable token kept only as a hash, a public read-only page with the
services as they are today (never the client reference or staff notes), and links that
stop working when they expire or are revoked, saying so and showing nothing else."""

from datetime import timedelta

from sqlalchemy import select, text

from directory import models as m
from directory.extensions import db
from directory.models import utcnow
from tests.helpers.pages import html_of, share_link


def test_the_shared_page_shows_the_list_read_only_with_todays_details(
        coordinator_client, client, referral_list, referral_directory):
    path = share_link(coordinator_client, referral_list)
    # The directory changes after the link was made: the page follows.
    referral_directory["peer"].phones[0].number = "(949) 555-0177"
    db.session.commit()
    response = client.get(path)
    page = html_of(response)
    assert response.status_code == 200
    assert "Recovery options" in page and "Casa Esperanza Peer Group" in page
    assert "(949) 555-0177" in page and "(949) 555-0101" not in page
    assert "Ask for Maria, mention Dr. Lee sent you" in page
    assert "JD-4411" not in page and "prefers mornings" not in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "noindex" in response.headers["X-Robots-Tag"]
    assert response.headers["Cache-Control"] == "no-store"
    assert "<form" not in page.split('id="main"')[1]  # nothing to change there


def test_the_token_is_long_and_only_its_hash_is_stored(coordinator_client, referral_list):
    path = share_link(coordinator_client, referral_list)
    token = path.removeprefix("/shared/")
    assert len(token) >= 43  # 32 random bytes: 256 bits
    stored = db.session.scalar(select(m.ShareLink))
    assert stored.token_hash == m.referral.token_digest(token) != token
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(text(f'SELECT * FROM "{table.name}"')):
            assert not any(token in str(value) for value in row), table.name


def test_an_expired_link_says_so_and_shows_nothing(coordinator_client, client, referral_list):
    path = share_link(coordinator_client, referral_list)
    link = db.session.scalar(select(m.ShareLink))
    link.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    response = client.get(path)
    page = html_of(response)
    assert response.status_code == 410
    assert "This link has expired" in page
    for secret in ("Recovery options", "Casa Esperanza", "Ana Ruiz", "Maria"):
        assert secret not in page


def test_links_expire_after_the_configured_days(coordinator_client, referral_list, app):
    share_link(coordinator_client, referral_list)
    link = db.session.scalar(select(m.ShareLink))
    lifetime = link.expires_at - link.created_at
    assert abs(lifetime - timedelta(days=app.config["SHARE_LINK_DAYS"])) < timedelta(minutes=1)
    assert app.config["SHARE_LINK_DAYS"] == 30


def test_a_revoked_link_stops_working_at_once(coordinator_client, client, referral_list):
    path = share_link(coordinator_client, referral_list)
    assert client.get(path).status_code == 200
    link = db.session.scalar(select(m.ShareLink))
    revoke = f"/referrals/lists/{referral_list.id}/links/{link.id}/revoke"
    assert "Revoke this share link?" in html_of(coordinator_client.post(revoke))
    assert client.get(path).status_code == 200  # the first press only asks
    coordinator_client.post(revoke, data={"confirmed": "yes"})
    response = client.get(path)
    assert response.status_code == 410
    assert "This link was withdrawn" in html_of(response)
    assert "Casa Esperanza" not in html_of(response)
    page = html_of(coordinator_client.get(f"/referrals/lists/{referral_list.id}"))
    assert "No link works now." in page and path not in page


def test_a_made_up_token_finds_nothing(client, referral_list):
    response = client.get("/shared/" + "A" * 43)
    assert response.status_code == 404
    assert "This link does not work" in html_of(response)


def _cookie_text(client):
    """Return what the session cookie says: signed, not encrypted, so anyone holding it
    can read it."""
    import base64
    import zlib

    value = client.get_cookie("session").value
    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".")[0]
    data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return (zlib.decompress(data) if compressed else data).decode()


def test_the_share_token_is_never_in_the_session_cookie(
        app, coordinator_client, staff_users, referral_list):
    from tests.helpers.pages import sign_in

    path = share_link(coordinator_client, referral_list)
    token = path.removeprefix("/shared/")
    assert token not in _cookie_text(coordinator_client)
    # Its maker still sees the link, on another computer too.
    elsewhere = app.test_client()
    sign_in(elsewhere, staff_users["coordinator"].email)
    page = html_of(elsewhere.get(f"/referrals/lists/{referral_list.id}"))
    assert token in page
    assert token not in _cookie_text(elsewhere)
