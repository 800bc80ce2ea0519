"""Hot reads compiled to SQL once per process, then only sent with new values.

Building a queryset and compiling it costs the app far more than the database takes to run it:
on the bench machine (docs/performance.md), the basket's availability check took about 3 ms of
Django ORM work for a query PostgreSQL answers in 0.05 ms. `PreparedRead` keeps the ORM as the one
place a query is written: it builds the queryset once with marker values, lets Django compile it,
finds the markers among the SQL's parameters and keeps the SQL. Each later call puts the real
values where the markers were, runs the SQL and applies the same converters Django would.

Only reads with simple equality values are prepared: strings, integers and aware datetimes. If a
marker cannot be found among the parameters (a backend that rewrites the value in a way this module
does not repeat, say), the read is not prepared and every call builds the queryset as usual, so the
answer is the same either way. `values_list()` querysets only: a call returns tuples. A read that
locks rows (`select_for_update()`) is refused outside a transaction, as Django refuses it.

On PostgreSQL the statements go through the backend's `prepared_cursor()`
(cerobio/core/postgresql/base.py): the values travel apart from the SQL and the statement is prepared
once per connection, so the database does not parse and plan it again on every call either.
"""

from __future__ import annotations

import datetime
import functools
import inspect
import itertools
import threading
from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.db.models.constants import OnConflict
from django.db.transaction import TransactionManagementError

_UNPREPARED = object()
_serial = itertools.count(1)


class _Slot:
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name


def _marker(name: str, kind: type):
    n = next(_serial)
    if kind is str:
        return f"~prepared:{name}:{n}~"
    if kind is int:
        return -(2**40) - n  # no row has an id or a quantity like this
    if kind is datetime.datetime:
        return datetime.datetime(1901, 1, 1, 0, 0, 0, n % 1_000_000, tzinfo=datetime.UTC)
    raise TypeError(f"PreparedRead: parameter {name!r} has type {kind!r}; use str, int or datetime")


def _cursor(connection):
    """The backend's preparing cursor where it has one (PostgreSQL, cerobio/core/postgresql), else a plain one."""
    prepared_cursor = getattr(connection, "prepared_cursor", None)
    return prepared_cursor() if prepared_cursor is not None else connection.cursor()


def _db_value(connection, value):
    """What Django's lookups send for an equality value of these types (DateTimeField adapts its value)."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def _find_slots(params, wanted: dict) -> list | None:
    """The compiled SQL's parameters with each marker (a value of `wanted`) replaced by a slot for its
    name; None if any marker is missing (a value the backend rewrote: the query is then not prepared)."""
    slots, found = [], set()
    for param in params:
        name = next((n for n, v in wanted.items() if type(param) is type(v) and param == v), None)
        if name is None:
            slots.append(param)  # a constant of the query (a status, say)
        else:
            slots.append(_Slot(name))
            found.add(name)
    return slots if found == set(wanted) else None


class PreparedRead:
    """A `values_list()` read written with the ORM and compiled once per process and database.

        lines = PreparedRead(lambda basket_id: BasketLine.objects.filter(basket_id=basket_id).values_list(...),
                             basket_id=int)
        rows = lines(basket_id=4)
    """

    def __init__(self, build: Callable[..., QuerySet], **types: type):
        names = list(inspect.signature(build).parameters)
        if sorted(names) != sorted(types):
            raise TypeError(f"PreparedRead: give a type for each of {names}")
        self.build, self.types = build, types
        self._compiled: dict[str, object] = {}
        self._lock = threading.Lock()

    def _compile(self, connection):
        markers = {name: _marker(name, kind) for name, kind in self.types.items()}
        queryset = self.build(**markers)
        compiler = queryset.query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        slots = _find_slots(params, {name: _db_value(connection, value) for name, value in markers.items()})
        if slots is None:
            return _UNPREPARED
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        converters = [
            (position, converters, expression)
            for position, (converters, expression) in compiler.get_converters(fields).items()
        ]
        return sql, slots, converters, compiler.col_count, queryset.query.select_for_update

    def compiled(self, using: str = DEFAULT_DB_ALIAS):
        """(sql, slots, converters, width, locks) for the database, or None where the read cannot be prepared."""
        connection = connections[using]
        key = f"{using}:{connection.vendor}"
        entry = self._compiled.get(key)
        if entry is None:
            with self._lock:
                entry = self._compiled.get(key)
                if entry is None:
                    entry = self._compiled[key] = self._compile(connection)
        return None if entry is _UNPREPARED else entry

    def __call__(self, using: str = DEFAULT_DB_ALIAS, **values) -> list[tuple]:
        for name, kind in self.types.items():
            if not isinstance(values[name], kind):
                raise TypeError(f"PreparedRead: {name} must be {kind.__name__}, not {type(values[name]).__name__}")
        entry = self.compiled(using)
        if entry is None:
            return list(self.build(**values).using(using))
        sql, slots, converters, width, locks = entry
        connection = connections[using]
        if locks and connection.get_autocommit() and connection.features.has_select_for_update:
            # As Django refuses it: a row lock outside a transaction would be let go at once.
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        params = [_db_value(connection, values[s.name]) if isinstance(s, _Slot) else s for s in slots]
        with _cursor(connection) as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not converters:
            return [tuple(row[:width]) for row in rows]
        converted = []
        for row in rows:
            row = list(row[:width])  # without any columns added for ordering
            for position, functions, expression in converters:
                value = row[position]
                for function in functions:
                    value = function(value, expression, connection)
                row[position] = value
            converted.append(tuple(row))
        return converted


class PreparedQuerySetUpdate(PreparedRead):
    """`QuerySet.update()` for an update whose rows are chosen by more than plain equality (a subquery,
    say), written with the ORM and compiled once per process and database, as `PreparedRead` is.

        submit = PreparedQuerySetUpdate(
            lambda basket_id, order_id: Basket.objects.filter(pk=basket_id).exclude(orders__pk__gt=order_id),
            new_values={"status": str}, basket_id=int, order_id=int,
        )
        submit(values={"status": "submitted"}, basket_id=4, order_id=9)  # rows changed

    The new values are markers at compile time too; each call binds its own. An update Django would
    run as two statements (one that joins another table, on a database that cannot select from the
    table it updates) is not prepared: every call then runs `QuerySet.update()`. No signals, as
    `QuerySet.update()` sends none.
    """

    def __init__(self, build: Callable[..., QuerySet], *, new_values: dict[str, type], **types: type):
        overlap = new_values.keys() & types.keys()
        if overlap:
            raise TypeError(f"PreparedQuerySetUpdate: {sorted(overlap)} named both as a value and a filter")
        super().__init__(build, **types)
        self.set_types = dict(new_values)

    def _compile(self, connection):
        from django.db.models.sql import UpdateQuery

        filter_markers = {name: _marker(name, kind) for name, kind in self.types.items()}
        set_markers = {name: _marker(name, kind) for name, kind in self.set_types.items()}
        query = self.build(**filter_markers).query.chain(UpdateQuery)
        query.add_update_values(set_markers)
        compiler = query.get_compiler(connection=connection)
        if query.related_updates or query.count_active_tables() > 1:
            return _UNPREPARED  # Django may need a second statement (or a read first) for this one
        sql, params = compiler.as_sql()
        wanted = {
            **{name: _db_value(connection, value) for name, value in filter_markers.items()},
            **{
                name: query.model._meta.get_field(name).get_db_prep_save(value, connection)
                for name, value in set_markers.items()
            },
        }
        slots = _find_slots(params, wanted)
        if slots is None:
            return _UNPREPARED
        return sql, slots, {name: query.model._meta.get_field(name) for name in set_markers}

    def __call__(self, *, values: dict, using: str = DEFAULT_DB_ALIAS, **filters) -> int:
        """Run it; returns how many rows it changed."""
        if values.keys() != self.set_types.keys() or filters.keys() != self.types.keys():
            raise TypeError("PreparedQuerySetUpdate: give exactly the values and filters it was made for")
        for name, kind in (*self.types.items(), *self.set_types.items()):
            value = filters[name] if name in self.types else values[name]
            if not isinstance(value, kind):
                raise TypeError(f"PreparedQuerySetUpdate: {name} must be {kind.__name__}, not {type(value).__name__}")
        entry = self.compiled(using)
        if entry is None:
            return self.build(**filters).using(using).update(**values)
        sql, slots, fields = entry
        connection = connections[using]
        params = []
        for slot in slots:
            if not isinstance(slot, _Slot):
                params.append(slot)
            elif slot.name in self.types:
                params.append(_db_value(connection, filters[slot.name]))
            else:
                params.append(fields[slot.name].get_db_prep_save(values[slot.name], connection))
        with _cursor(connection) as cursor:
            cursor.execute(sql, params)
            return cursor.rowcount


class PreparedInstances(PreparedRead):
    """A `PreparedRead` of whole rows of `model`, given back as instances with every field loaded.

        basket_by_token = PreparedInstances(Basket, lambda token: Basket.objects.filter(token=token), token=str)
        basket_by_token.first(token="...")  # a Basket, or None

    `build` returns the filtered (and ordered, and locked) queryset; the columns are added here.
    """

    def __init__(self, model, build: Callable[..., QuerySet], **types: type):
        self.model = model
        self.names = tuple(f.attname for f in model._meta.concrete_fields)

        @functools.wraps(build)
        def rows(**values):
            return build(**values).values_list(*self.names)

        super().__init__(rows, **types)

    def __call__(self, using: str = DEFAULT_DB_ALIAS, **values) -> list:
        return [instance(self.model, self.names, row, using) for row in super().__call__(using, **values)]

    def first(self, using: str = DEFAULT_DB_ALIAS, **values):
        """The first instance, or None (the queryset's own order; meant for unique lookups)."""
        found = self(using, **values)
        return found[0] if found else None


def instance(model, names, values, using: str = DEFAULT_DB_ALIAS):
    """A model instance from a prepared read's columns, as the ORM would load it with `.only(*names)`.

    `Model.from_db` takes the values in the model's field order; this takes them in the order named.
    Fields not named are deferred (loaded on first use, as with `.only()`).
    """
    given = dict(zip(names, values, strict=True))
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in given]
    return model.from_db(using, fields, [given[name] for name in fields])


class PreparedUpdate:
    """`UPDATE table SET a = %s, ... WHERE x = %s AND ...`: a plain update of named fields, matched by
    equality, written once per process and database from the model's metadata.

        mark_paid = PreparedUpdate(Order, fields=("status", "paid_at"), match=("id",))
        mark_paid(values={"status": "paid", "paid_at": now}, match={"id": 5})  # rows changed

    Values are adapted as Django adapts them for a save (`Field.get_db_prep_save`; a WHERE value as a
    lookup would). Like `QuerySet.update()`, it sends no signals and fills in no `auto_now` field: give
    every value. Only for fields without a custom SQL placeholder (not geometry, say).
    """

    def __init__(self, model, *, fields: tuple[str, ...], match: tuple[str, ...]):
        self.model = model
        self.set_fields = [model._meta.get_field(name) for name in fields]
        self.where_fields = [model._meta.get_field(name) for name in match]
        for field in (*self.set_fields, *self.where_fields):
            if not field.concrete or hasattr(field, "get_placeholder"):
                raise TypeError(f"PreparedUpdate: {model.__name__}.{field.name} is not a plain column")
        self._sql: dict[str, str] = {}

    def sql(self, connection) -> str:
        key = f"{connection.alias}:{connection.vendor}"
        if key not in self._sql:
            qn = connection.ops.quote_name
            # Only the model's own table and column names, quoted by the backend; values go as parameters.
            self._sql[key] = "UPDATE {} SET {} WHERE {}".format(  # noqa: S608
                qn(self.model._meta.db_table),
                ", ".join(f"{qn(f.column)} = %s" for f in self.set_fields),
                " AND ".join(f"{qn(f.column)} = %s" for f in self.where_fields),
            )
        return self._sql[key]

    def __call__(self, *, values: dict, match: dict, using: str = DEFAULT_DB_ALIAS) -> int:
        """Run it; returns how many rows it changed."""
        if values.keys() != {f.name for f in self.set_fields} or match.keys() != {f.name for f in self.where_fields}:
            raise TypeError("PreparedUpdate: give exactly the fields it was made for")
        connection = connections[using]
        params = [f.get_db_prep_save(values[f.name], connection) for f in self.set_fields]
        params += [
            f.get_db_prep_value(f.get_prep_value(match[f.name]), connection, prepared=True) for f in self.where_fields
        ]
        with _cursor(connection) as cursor:
            cursor.execute(self.sql(connection), params)
            return cursor.rowcount


class PreparedInsert:
    """`INSERT INTO table (...) VALUES (...) RETURNING id`: one new row of `model`, written once per
    process and database from the model's metadata.

        add_event = PreparedInsert(OrderEvent)
        event = add_event(OrderEvent(order=order, kind=OrderEvent.Kind.PAID, message="..."))  # pk set

    What `bulk_create()` does for one object, without building a query each time: every concrete field
    is written (an automatic primary key is left to the database and read back), each value is taken
    as an insert takes it (`Field.pre_save(add=True)`, which fills in `auto_now_add`, then
    `get_db_prep_save`), related objects must be saved first, and no signals are sent. The instance
    comes back saved (`pk` set, no longer `adding`). Models with database defaults or generated
    fields, and values that are expressions, are refused.

    `ignore_conflicts=True`: a row that would break a unique constraint is not written and the call
    returns None (`bulk_create(ignore_conflicts=True)`'s SQL), so "insert unless it is there" is one
    statement.
    """

    def __init__(self, model, *, ignore_conflicts: bool = False):
        meta = model._meta
        self.model = model
        self.on_conflict = OnConflict.IGNORE if ignore_conflicts else None
        if ignore_conflicts and meta.auto_field is None:
            raise TypeError("PreparedInsert: ignore_conflicts needs an automatic primary key to tell what was written")
        for field in meta.concrete_fields:
            if getattr(field, "generated", False) or getattr(field, "has_db_default", lambda: False)():
                raise TypeError(f"PreparedInsert: {model.__name__}.{field.name} is filled in by the database")
            if hasattr(field, "get_placeholder"):
                raise TypeError(f"PreparedInsert: {model.__name__}.{field.name} is not a plain column")
        self.auto = meta.auto_field
        self.fields = [f for f in meta.concrete_fields if f is not self.auto]
        self._sql: dict[str, str] = {}

    def sql(self, connection) -> str:
        key = f"{connection.alias}:{connection.vendor}"
        if key not in self._sql:
            qn = connection.ops.quote_name
            returning = ""
            if self.auto is not None:
                returning, _ = connection.ops.return_insert_columns([self.auto])
            # Only the model's own table and column names, quoted by the backend; values go as parameters.
            on_conflict = connection.ops.on_conflict_suffix_sql(self.fields, self.on_conflict, None, None)
            self._sql[key] = " ".join(
                part
                for part in (
                    connection.ops.insert_statement(on_conflict=self.on_conflict),
                    qn(self.model._meta.db_table),
                    "({}) VALUES ({})".format(
                        ", ".join(qn(f.column) for f in self.fields), ", ".join(["%s"] * len(self.fields))
                    ),
                    on_conflict,
                    returning,
                )
                if part
            )
        return self._sql[key]

    def __call__(self, obj, using: str = DEFAULT_DB_ALIAS):
        """Insert `obj` (an unsaved instance of the model); returns it with its primary key (or None:
        not written, for a conflict, with `ignore_conflicts`)."""
        if type(obj) is not self.model:
            raise TypeError(f"PreparedInsert: expected a {self.model.__name__}, got {type(obj).__name__}")
        if self.auto is not None and obj.pk is not None:
            raise TypeError(f"PreparedInsert: this {self.model.__name__} already has a primary key")
        # As save() and bulk_create() do: a related object saved after it was assigned lends its id,
        # and an unsaved one is refused.
        obj._prepare_related_fields_for_save(operation_name="insert")
        connection = connections[using]
        if self.on_conflict is not None and not connection.features.can_return_columns_from_insert:
            raise NotImplementedError("PreparedInsert: ignore_conflicts needs INSERT ... RETURNING")
        params = []
        for field in self.fields:
            value = field.pre_save(obj, add=True)
            if hasattr(value, "resolve_expression"):
                raise TypeError(f"PreparedInsert: {field.name} is an expression; use the ORM for that")
            params.append(field.get_db_prep_save(value, connection))
        with _cursor(connection) as cursor:
            cursor.execute(self.sql(connection), params)
            if self.auto is not None:
                if connection.features.can_return_columns_from_insert:
                    row = cursor.fetchone()
                    if row is None:  # ignore_conflicts: the row was already there
                        return None
                    value = row[0]
                else:
                    value = connection.ops.last_insert_id(cursor, self.model._meta.db_table, self.auto.column)
                setattr(obj, self.auto.attname, value)
        obj._state.adding, obj._state.db = False, using
        return obj
