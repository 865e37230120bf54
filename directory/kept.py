"""What a worker keeps of the directory's data between requests, for one data stamp: every
commit that writes directory data moves the stamp (datastamp.py), and a keep holding an
older stamp drops everything, so nothing kept is ever older than the database.

Intake matching keeps the candidates it judged (matching/candidates.py), the API the HSDS
objects it answered (api/services.py), search which of the services it showed are still
listed (search/__init__.py); each keep holds at most `size` values, the least
recently used dropped first (0 keeps nothing: every request reads the database).
"""

import threading
from collections import OrderedDict


class KeptByStamp:
    """Values by key for one data stamp, the least recently used dropped first."""

    def __init__(self, size):
        self.size = size
        self.stamp = None
        self.values = OrderedDict()
        self._lock = threading.Lock()  # `flask run` serves requests in threads

    def get(self, keys, stamp, load):
        """Return the values of `keys` that the directory holds, in the order of `keys`:
        the kept ones, and the others from `load(missing keys)` ({key: value}), kept."""
        with self._lock:
            if stamp != self.stamp:
                self.values.clear()
                self.stamp = stamp
            missing = [k for k in dict.fromkeys(keys) if k not in self.values]
        fresh = load(missing) if missing else {}
        found = []
        with self._lock:
            for key in keys:
                value = fresh.get(key)
                if value is None:
                    value = self.values.get(key)
                if value is None:
                    continue
                found.append(value)
                if self.size and self.stamp == stamp:
                    self.values[key] = value
                    self.values.move_to_end(key)
            while len(self.values) > self.size:
                self.values.popitem(last=False)
        return found
