"""A class, not just a student: the shared class store on PostgreSQL.

- :mod:`~tutor.classroom.server`: connecting (psycopg is imported only here, and only when a
  class store is used), URLs, and the errors every class command reports the same way;
- :mod:`~tutor.classroom.schema`: ``tutor class init`` (schema, migrations, row-level security),
  adding and removing students;
- :mod:`~tutor.classroom.outbox` and :mod:`~tutor.classroom.sender`: the answers waiting in the
  local SQLite store, and sending them (batched, idempotent, retried, never in the student's way);
- :mod:`~tutor.classroom.report`: the instructor's report, aggregated in SQL, from the server or
  from ``tutor export --format json`` files.

No Textual here. The threat model is in docs/class-store.md.
"""
