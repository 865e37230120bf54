"""The points and limits of intake matching's rules, in one place: `directory.matching`
explains what each one weighs against the others."""

CATEGORY_POINTS, TEXT_POINTS = 35, 30  # a chosen category; the free text's best match
DISTANCE_POINTS = 15  # at the client's door; nothing at the edge of the radius
WALKING_MILES = 1.0  # further than this is not a walk for a client without a car
REMOTE_POINTS = 20  # from home, for a client who prefers it
# The client's first language, another of theirs, only through interpreters.
FIRST_LANGUAGE_POINTS, OTHER_LANGUAGE_POINTS, INTERPRETER_POINTS = 35, 10, 20
AUDIENCE_POINTS = 25  # a service made for a group the client is in (seniors, veterans...)
ALWAYS_OPEN_POINTS = 15  # open around the clock, for an urgent need
