"""National helplines shown beside 988: SAMHSA's National Helpline (treatment referral for
mental health and substance use, free, confidential, 24/7, in English and Spanish) on
searches for treatment, on the pages of treatment services and on every handout. Which
searches and services count as treatment is decided here, once."""

import re

SAMHSA_NUMBER = "1-800-662-4357"
SAMHSA_TEL = "tel:+18006624357"
TREATMENT_CATEGORIES = frozenset({"residential-treatment", "outpatient-counselling",
                                  "group-therapy-peer-support", "crisis-support"})
# Words (English, Spanish, Vietnamese) that ask for treatment when typed in the search box.
TREATMENT_WORDS = re.compile(
    r"\b(treat|rehab|detox|therap|counsel|addict|substance|alcohol|drug|opioid|methadone|"
    r"suboxone|buprenorphine|sober|recovery|aa\b|na\b|tratamiento|terapia|adicci|"
    r"desintoxic|consejer|điều trị|cai nghiện|trị liệu|tư vấn)", re.IGNORECASE)


def is_treatment_search(params):
    """Return whether a search (SearchParams) asks for treatment."""
    if params is None:
        return False
    if TREATMENT_CATEGORIES & set(params.terms.get("category", [])):
        return True
    return bool(TREATMENT_WORDS.search(params.text or ""))


def is_treatment_service(service):
    """Return whether a service is a treatment service (by its categories)."""
    return bool(TREATMENT_CATEGORIES & service.term_codes("category"))
