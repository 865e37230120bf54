"""Open Referral HSDS 3.0 interchange: the table map, value conversion, flattening nested
JSON into rows, and upserting rows. No request handling lives here."""
