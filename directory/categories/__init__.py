"""Categories for any directory: every service imported from elsewhere lands in this
directory's categories (seeds/taxonomy.json) from what its own record says.

- `crosswalk`: the data under seeds/ that maps other taxonomies to our categories (2-1-1
  term codes by prefix, term names, Open Eligibility ids and names) and the text rules;
- `decide`: one service's categories and population terms from its terms, its own text and,
  for a service that says nothing of itself, its organization's text;
- `assign`: the import's step (records being imported) and `flask categorize` (records
  already in the database), which share one plan;
- `choice`: the editors' marker: a service whose categories an editor set keeps them
  through every import and sync.
"""
