"""A learner's record of answers kept in memory, for tests of answer controls.

It has what every record an answer control is given must have (``get``, ``put`` and
``forget``: explorers/answer_record.py), so nothing a test does reaches a learner's files.

>>> record = MemoryRecord()
>>> record.put("youngest_tester", {"answer": "Niels Larson", "tries": 1})
>>> record.get("youngest_tester")["tries"]
1
>>> record.forget("youngest_tester"); record.get("youngest_tester") is None
True
"""


class MemoryRecord(dict):
    """Answers by exercise name, in a dict: ``get`` is the dict's own."""

    def put(self, name, value):
        self[name] = value

    def forget(self, name):
        self.pop(name, None)
