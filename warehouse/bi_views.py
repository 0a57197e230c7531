"""The views of the published ``bi`` schema: the questions people ask, one row per answer.

Views are created inside the published file, so they keep working whatever name a BI tool
attaches it under. Views whose SQL depends on the data (the measure columns of a pivot) are
generated at publish time from ``marts.dim_measure``.
"""

from __future__ import annotations

from warehouse.bi import View, columns, fact_id_column, fact_tables, register, relations

CITATION_COLUMNS = {
    "pack_id": "Pack the value was printed in (first 16 hex digits of the file's SHA-256).",
    "file_name": "Pack file the value was read from.",
    "council": "Council whose meeting the pack belongs to, as printed or inferred.",
    "committee": "Committee that met.",
    "meeting_date": "Date of the meeting the pack was published for.",
    "document_id": "Document of the pack the value is in (provenance.documents).",
    "document_title": "Title of that document (the report, minutes or appendix) as printed.",
    "document_kind": "agenda, minutes, report or appendix.",
    "source_line": "Printed line (1-based) of the pack holding the value.",
    "line_text": "The text of that printed line, exactly as in the pack.",
    "citation": "Human-readable citation: council, committee, meeting date, document title, "
    "line and file.",
}


VALUE_TYPE_DOC = (
    "actual (the figure itself), target, baseline or forecast: targets and baselines printed "
    "beside actuals are never mixed with them."
)
PERIOD_TYPE_DOC = (
    "fiscal_year, fiscal_quarter, calendar_year, as_of (a snapshot) or meeting_date (no period "
    "was printed: the meeting date stands in)."
)
PERIOD_SOURCE_DOC = (
    "Where the period was read: column, row_label, caption, as_of_text, heading, lead_in (the "
    "sentence introducing the table), document_title, or meeting_date."
)
DATED_BY_MEETING_DOC = (
    "True when nothing printed the period and the meeting date stands in for it: filter these "
    "out of time series."
)
FIGURE_KEY_DOC = (
    "The figure the value is a printing of (same council, measure, value type, period and "
    "subject); see bi.figures."
)


def _citation_expr(p: str = "p", d: str = "d", line: str = "f.source_line") -> str:
    return (
        f"concat_ws(', ', {p}.council, {p}.committee, strftime({p}.meeting_date, '%-d %B %Y'))"
        f" || ': \"' || coalesce({d}.title, 'untitled document') || '\", line ' || {line}"
        f" || ' of ' || {p}.file_name"
    )


# --------------------------------------------------------------------------- facts and citations


def _fact_ids_union(con) -> str:
    parts = []
    for domain, table in fact_tables(con).items():
        id_column = fact_id_column(con, table)
        parts.append(
            f"SELECT '{domain}' AS domain, {id_column}::VARCHAR AS fact_id, pack_id, document_id,"
            f" source_line FROM {table}"
        )
    return "\nUNION ALL\n".join(parts)


def _fact_citations_sql(con) -> str:
    return f"""
SELECT
    f.domain, f.fact_id, f.pack_id, p.file_name, p.council, p.committee, p.meeting_date,
    f.document_id, d.title AS document_title, d.kind AS document_kind, f.source_line,
    l.text AS line_text, {_citation_expr()} AS citation
FROM ({_fact_ids_union(con)}) AS f
LEFT JOIN provenance.packs AS p ON p.pack_id = f.pack_id
LEFT JOIN provenance.documents AS d ON d.pack_id = f.pack_id AND d.document_id = f.document_id
LEFT JOIN provenance.lines AS l ON l.pack_id = f.pack_id AND l.line_number = f.source_line
"""


register(
    View(
        name="fact_citations",
        description="Where every fact came from: for each fact of every domain (and each "
        "decision), the pack file, council, committee, meeting date, document title, printed "
        "line number and the text of that line, plus a ready-to-show citation string.",
        sql=_fact_citations_sql,
        columns={
            "domain": "Fact domain: complaints, decisions, placements or waiting_times.",
            "fact_id": "The fact's key in marts.fct_<domain> (decision_id for decisions).",
            **CITATION_COLUMNS,
        },
        requires=("provenance.packs", "provenance.documents", "provenance.lines"),
        materialized=True,
    )
)


def _facts_per_domain_sql(con) -> str:
    parts = [
        f"SELECT '{domain}' AS domain, count(*) AS facts, count(DISTINCT pack_id) AS packs, "
        f"count(DISTINCT reporting_council) AS councils FROM {table}"
        for domain, table in fact_tables(con).items()
    ]
    return "\nUNION ALL\n".join(parts)


register(
    View(
        name="facts_per_domain",
        description="How many facts each domain holds, from how many packs and councils.",
        sql=_facts_per_domain_sql,
        columns={
            "domain": "Fact domain: complaints, decisions, placements or waiting_times.",
            "facts": "Number of facts (rows of marts.fct_<domain>).",
            "packs": "Number of packs these facts were printed in.",
            "councils": "Number of reporting councils.",
        },
    )
)

MEASURE_FACT_COLUMNS = (
    "fact_id",
    "figure_key",
    "pack_id",
    "document_id",
    "source_line",
    "measure",
    "value",
    "unit",
    "value_text",
    "value_type",
    "reporting_council",
    "subject_council",
    "service_area",
    "period_id",
    "period_type",
    "fiscal_year",
    "as_of_date",
    "period_start",
    "period_end",
    "period_source",
)


def _facts_sql(con) -> str:
    parts = []
    for domain, table in fact_tables(con).items():
        present = set(columns(con, table))
        if not {"measure", "value"} <= present:
            continue  # decisions are not measures: see bi.decisions
        select = ", ".join(
            (f"{c}::VARCHAR AS {c}" if c in ("fiscal_year",) else c)
            if c in present
            else f"NULL AS {c}"
            for c in MEASURE_FACT_COLUMNS
        )
        parts.append(f"SELECT '{domain}' AS domain, {select} FROM {table}")
    union = "\nUNION ALL\n".join(parts)
    return f"""
SELECT
    f.domain, f.fact_id, f.figure_key, f.measure, m.description AS measure_description, f.value,
    f.unit, f.value_text, f.value_type, f.reporting_council,
    rc.council_name AS reporting_council_name, f.subject_council,
    sc.council_name AS subject_council_name, f.service_area, f.period_id, f.period_type,
    f.fiscal_year, f.as_of_date, f.period_start, f.period_end, f.period_source,
    f.period_source = 'meeting_date' AS dated_by_meeting,
    row_number() OVER (
        PARTITION BY f.figure_key ORDER BY k.meeting_date, k.file_name, f.source_line, f.fact_id
    ) = 1 AS first_printing,
    f.pack_id, f.document_id, f.source_line
FROM ({union}) AS f
LEFT JOIN provenance.packs AS k ON k.pack_id = f.pack_id
LEFT JOIN marts.dim_measure AS m ON m.measure_code = f.measure
LEFT JOIN marts.dim_council AS rc ON rc.council_id = f.reporting_council
LEFT JOIN marts.dim_council AS sc ON sc.council_id = f.subject_council
"""


register(
    View(
        name="facts",
        description="Every measured value of every domain in one long table (one row per "
        "printing: a figure printed twice is two rows with one figure_key, first_printing true "
        "on one of them; bi.figures has one row per figure), with the measure's meaning, its "
        "value type and the councils' names. Join bi.fact_citations on (domain, fact_id) for "
        "where each value was printed.",
        sql=_facts_sql,
        columns={
            "domain": "Fact domain: complaints, placements or waiting_times.",
            "fact_id": "The fact's key in marts.fct_<domain>.",
            "figure_key": FIGURE_KEY_DOC,
            "measure": "Measure code (marts.dim_measure), e.g. complaints_received.",
            "measure_description": "What the measure counts.",
            "value": "The value as a number (null when printed as text only, e.g. '<5').",
            "unit": "Unit of the value: count, percent, weeks, rate_per_10000, ...",
            "value_text": "The value exactly as printed.",
            "value_type": VALUE_TYPE_DOC,
            "reporting_council": "GSS code of the council whose papers printed the value.",
            "reporting_council_name": "Name of the reporting council.",
            "subject_council": "GSS code of the council the value is about (benchmark rows "
            "are about other councils).",
            "subject_council_name": "Name of the subject council.",
            "service_area": "Service area (adult, children, corporate, ...) where known.",
            "period_id": "Period key (marts.dim_period): FY2014/15, FY2014/15-Q1, CY2017, "
            "D2023-12-31.",
            "period_type": PERIOD_TYPE_DOC,
            "fiscal_year": "Fiscal year the value covers, e.g. 2017/18.",
            "as_of_date": "Date of the snapshot the value describes.",
            "period_start": "First day of the period the value covers.",
            "period_end": "Last day of the period the value covers.",
            "period_source": PERIOD_SOURCE_DOC,
            "dated_by_meeting": DATED_BY_MEETING_DOC,
            "first_printing": "True for one printing of each figure (the earliest meeting, "
            "then file and line): filter on it to count each figure once.",
            "pack_id": CITATION_COLUMNS["pack_id"],
            "document_id": CITATION_COLUMNS["document_id"],
            "source_line": CITATION_COLUMNS["source_line"],
        },
        requires=("marts.dim_measure", "marts.dim_council", "provenance.packs"),
    )
)


# --------------------------------------------------------------------------- figures

FIGURE_COLUMNS = (
    "measure",
    "unit",
    "value_type",
    "subject_council",
    "service_area",
    "service_code",
    "service_text",
    "theme",
    "district",
    "age_band",
    "segment",
    "stage",
    "procedure",
    "breakdown",
    "period_id",
    "period_type",
    "fiscal_year",
    "period_start",
    "period_end",
    "as_of_date",
    "period_source",
)


def _printings_sql(con) -> str:
    """Every printing of every measured table fact, in one shape (missing columns as NULL)."""
    parts = []
    wanted = ("fact_id", "figure_key", "pack_id", "source_line", "value", "reporting_council")
    for domain, table in fact_tables(con).items():
        present = set(columns(con, table))
        if not {"figure_key", "measure", "value"} <= present:
            continue  # decisions are not measures
        select = ", ".join(
            (f"f.{c}::VARCHAR AS {c}" if c == "fiscal_year" else f"f.{c}")
            if c in present
            else f"NULL AS {c}"
            for c in (*wanted, *FIGURE_COLUMNS)
        )
        # a figure read in a sentence (source_kind prose) has no figure_key: not a printing of
        # a table's figure
        parts.append(
            f"SELECT '{domain}' AS domain, {select} FROM {table} AS f "
            "WHERE f.figure_key IS NOT NULL"
        )
    return "\nUNION ALL\n".join(parts)


def _figures_sql(con) -> str:
    figure = ", ".join(f"any_value(p.{c}) AS {c}" for c in FIGURE_COLUMNS if c != "period_source")
    return f"""
WITH printings AS (
    SELECT p.*, k.file_name, k.meeting_date
    FROM ({_printings_sql(con)}) AS p
    JOIN provenance.packs AS k USING (pack_id)
),
votes AS (
    -- the conformed value: the one printed most often, then the one of the latest meeting,
    -- then the one printed first (a figure printed twice in one pack with two values)
    SELECT figure_key, value, count(*) AS n, max(meeting_date) AS latest,
           min(file_name || lpad(source_line::VARCHAR, 8, '0')) AS first_printing
    FROM printings
    WHERE value IS NOT NULL
    GROUP BY figure_key, value
),
conformed AS (
    SELECT figure_key,
           first(value ORDER BY n DESC, latest DESC NULLS LAST, first_printing, value) AS value,
           count(*) AS n_values
    FROM votes
    GROUP BY figure_key
)
SELECT
    p.figure_key, any_value(p.domain) AS domain, {figure},
    string_agg(DISTINCT p.period_source, ', ' ORDER BY p.period_source) AS period_source,
    bool_and(p.period_source = 'meeting_date') AS dated_by_meeting,
    c.value, coalesce(c.n_values, 0) <= 1 AS printings_agree,
    list_sort(list_distinct(list(p.value) FILTER (WHERE p.value IS NOT NULL))) AS printed_values,
    count(*) AS printings, count(DISTINCT p.pack_id) AS packs,
    list_sort(list(DISTINCT p.reporting_council)) AS reporting_councils,
    list(p.fact_id ORDER BY p.meeting_date, p.file_name, p.source_line, p.fact_id) AS fact_ids,
    list(p.file_name || ' line ' || p.source_line ORDER BY p.meeting_date, p.file_name,
         p.source_line) AS printed_at,
    list_sort(list(DISTINCT p.pack_id)) AS pack_ids,
    max(p.meeting_date) AS latest_meeting_date
FROM printings AS p
LEFT JOIN conformed AS c USING (figure_key)
GROUP BY p.figure_key, c.value, c.n_values
"""


register(
    View(
        name="figures",
        description="One conformed figure per council, measure, value type, period and subject "
        "(figure_key), however often it is printed - in two tables of a pack, in a re-issued or "
        "supplementary pack, in the same report to two committees - citing every printing. "
        "value is the value printed most often (then the latest meeting's, then the first "
        "printed); printings_agree is false when "
        "printings differ, and marts.dq_findings names them.",
        sql=_figures_sql,
        columns={
            "figure_key": FIGURE_KEY_DOC,
            "domain": "Fact domain: complaints, placements or waiting_times.",
            "measure": "Measure code (marts.dim_measure).",
            "unit": "count, percent, weeks, days, gbp or rate_per_10000.",
            "value_type": VALUE_TYPE_DOC,
            "subject_council": "GSS code of the council the figure is about.",
            "service_area": "adult or children, where known.",
            "service_code": "Canonical service (marts.dim_service), where known.",
            "service_text": "The service or team as printed.",
            "theme": "Complaint theme, where the figure is for one.",
            "district": "District or locality, where the figure is for one.",
            "age_band": "Age band, where the figure is for one.",
            "segment": "Division or partner (north, south, nhs_partnership_trust), where printed.",
            "stage": "Complaints procedure stage, where printed.",
            "procedure": "statutory or corporate complaints procedure, where printed.",
            "breakdown": "What else the figure is for (a remedy type, a reason, a legal status).",
            "period_id": "Period key (marts.dim_period).",
            "period_type": PERIOD_TYPE_DOC,
            "fiscal_year": "Fiscal year, e.g. 2017/18.",
            "period_start": "First day of the period.",
            "period_end": "Last day of the period.",
            "as_of_date": "Date of the snapshot (as_of and meeting_date periods).",
            "period_source": PERIOD_SOURCE_DOC + " (every source, when printings differ)",
            "dated_by_meeting": DATED_BY_MEETING_DOC,
            "value": "The conformed value: the one printed most often, then the latest.",
            "printings_agree": "False when the printings give different values (see "
            "printed_values and marts.dq_findings).",
            "printed_values": "Every distinct value printed for the figure.",
            "printings": "How many times the figure is printed.",
            "packs": "In how many packs.",
            "reporting_councils": "Councils whose papers printed it.",
            "fact_ids": "Every printing (marts.fct_<domain>.fact_id; bi.fact_citations).",
            "printed_at": "Every printing as 'file line N', oldest meeting first.",
            "pack_ids": "Packs that print the figure.",
            "latest_meeting_date": "Meeting date of the latest pack printing it.",
        },
        requires=("provenance.packs",),
        materialized=True,
    )
)


# --------------------------------------------------------------------------- waiting lists


def _waiting_measures(con) -> dict[str, str]:
    """waiting-time measure code -> description (with unit), from marts.dim_measure."""
    if "marts.dim_measure" not in relations(con):
        return {}
    rows = con.execute(
        "SELECT measure_code, description, unit FROM marts.dim_measure "
        "WHERE domain = 'waiting_times' ORDER BY measure_code"
    ).fetchall()
    return {
        code: f"{description} ({unit}); the conformed value for this service and date."
        for code, description, unit in rows
        if code.isidentifier()
    }


def _waiting_sql(con) -> str:
    measures = _waiting_measures(con)
    pivot = "".join(
        f",\n    max(w.value) FILTER (WHERE w.measure = '{code}') AS {code}" for code in measures
    )
    return f"""
WITH printings AS (
    SELECT figure_key,
        string_agg(DISTINCT provider_commissioner, ', ' ORDER BY provider_commissioner)
            AS provider_commissioner
    FROM marts.fct_waiting_times
    GROUP BY figure_key
)
SELECT
    w.subject_council AS reporting_council, c.council_name AS reporting_council_name,
    w.service_code, coalesce(s.service_name, any_value(w.service_text)) AS service,
    string_agg(DISTINCT p.provider_commissioner, ', ' ORDER BY p.provider_commissioner)
        AS provider_commissioner, w.as_of_date
    {pivot},
    sum(w.printings)::BIGINT AS printings,
    bool_and(w.printings_agree) AS printings_agree,
    flatten(list(w.fact_ids ORDER BY w.figure_key)) AS fact_ids,
    list_sort(list_distinct(flatten(list(w.printed_at)))) AS printed_at,
    list_sort(list_distinct(flatten(list(w.pack_ids)))) AS pack_ids
FROM bi.figures AS w
LEFT JOIN printings AS p USING (figure_key)
LEFT JOIN marts.dim_service AS s ON s.service_code = w.service_code
LEFT JOIN marts.dim_council AS c ON c.council_id = w.subject_council
WHERE w.domain = 'waiting_times' AND w.value_type = 'actual' AND w.period_type = 'as_of'
  AND w.age_band IS NULL
GROUP BY w.subject_council, c.council_name, w.service_code, s.service_name,
         CASE WHEN w.service_code IS NULL THEN lower(w.service_text) END, w.as_of_date
"""


register(
    View(
        name="waiting_list_snapshots",
        description="Waiting lists: one row per council, service and as-of date, with one "
        "column per waiting-time measure (referrals waiting, waits over 18/52/78 weeks, "
        "longest and average wait, ...). One conformed figure per measure (bi.figures) however "
        "often it is printed - a report table and a dashboard, two packs - citing every "
        "printing. Actual figures only; figures whose date was not printed (the meeting date "
        "stands in) are left out.",
        sql=_waiting_sql,
        columns={
            "reporting_council": "GSS code of the council the figures are about.",
            "reporting_council_name": "Name of the council.",
            "service_code": "Service code (marts.dim_service), null if not recognised.",
            "service": "Service name (or the text printed, if not recognised).",
            "provider_commissioner": "Provider or commissioner the figures are for, if printed.",
            "as_of_date": "Date the waiting list snapshot describes.",
            "printings": "Number of printed values behind this row.",
            "printings_agree": "False when two printings of one of these figures differ "
            "(marts.dq_findings names them).",
            "fact_ids": "Every printing behind the row (bi.fact_citations).",
            "printed_at": "Every printing as 'file line N'.",
            "pack_ids": "Packs the values were printed in.",
        },
        requires=("marts.fct_waiting_times", "marts.dim_service", "marts.dim_council"),
        dynamic_columns=_waiting_measures,
    )
)


# --------------------------------------------------------------------------- complaints

COMPLAINT_MEASURES = {
    "received": "complaints_received",
    "upheld": "complaints_upheld",
    "partially_upheld": "complaints_partially_upheld",
    "not_upheld": "complaints_not_upheld",
    "upheld_or_partially_upheld_printed": "complaints_upheld_or_partially_upheld",
}


def _complaints_sql(con) -> str:
    pivot = ",\n    ".join(
        f"max(value) FILTER (WHERE measure = '{code}') AS {name}"
        for name, code in COMPLAINT_MEASURES.items()
    )
    return f"""
WITH headline AS (
    -- the figures for a whole service area: no service, team, theme, district or breakdown
    SELECT *
    FROM bi.figures
    WHERE domain = 'complaints' AND value_type = 'actual' AND period_type = 'fiscal_year'
      AND service_code IS NULL AND service_text IS NULL AND theme IS NULL AND district IS NULL
      AND age_band IS NULL AND breakdown IS NULL
      AND measure IN ({", ".join(f"'{m}'" for m in COMPLAINT_MEASURES.values())})
), wide AS (
    SELECT subject_council, coalesce(service_area, 'all') AS service_area, fiscal_year,
        procedure, stage, segment,
        {pivot},
        bool_and(printings_agree) AS printings_agree,
        flatten(list(fact_ids ORDER BY figure_key)) AS fact_ids,
        list_sort(list_distinct(flatten(list(printed_at)))) AS printed_at,
        list_sort(list_distinct(flatten(list(pack_ids)))) AS pack_ids
    FROM headline
    GROUP BY ALL
)
SELECT
    w.subject_council AS reporting_council, c.council_name AS reporting_council_name,
    w.service_area, w.fiscal_year, w.procedure, w.stage, w.segment, w.received, w.upheld,
    w.partially_upheld, w.not_upheld,
    coalesce(w.upheld + w.partially_upheld, w.upheld_or_partially_upheld_printed)
        AS upheld_or_partially_upheld,
    round(w.upheld / nullif(w.received, 0), 4) AS upheld_rate,
    round(coalesce(w.upheld + w.partially_upheld, w.upheld_or_partially_upheld_printed)
        / nullif(w.received, 0), 4) AS upheld_or_partially_upheld_rate,
    w.printings_agree, w.fact_ids, w.printed_at, w.pack_ids
FROM wide AS w
LEFT JOIN marts.dim_council AS c ON c.council_id = w.subject_council
"""


register(
    View(
        name="complaints_by_service_area_year",
        description="Complaints per council, service area, fiscal year (and procedure, stage "
        "and division where printed): received, upheld, partially upheld, not upheld and the "
        "upheld rates. Only figures for a whole service area (no service, team, theme or "
        "breakdown of their own), actual values of whole fiscal years (figures whose period "
        "was not printed, dated by the meeting, are left out); one conformed figure per measure "
        "(bi.figures) however often it is printed, citing every printing.",
        sql=_complaints_sql,
        columns={
            "reporting_council": "GSS code of the council the figures are about.",
            "reporting_council_name": "Name of the council.",
            "service_area": "Service area (adult, children, ...; 'all' if none).",
            "fiscal_year": "Fiscal year, e.g. 2017/18.",
            "procedure": "statutory or corporate complaints procedure, where printed.",
            "stage": "Complaints procedure stage, where printed.",
            "segment": "Division or partner the figures are for (e.g. nhs_partnership_trust).",
            "received": "Complaints received in the year.",
            "upheld": "Complaints upheld in full.",
            "partially_upheld": "Complaints partially upheld.",
            "not_upheld": "Complaints not upheld.",
            "upheld_or_partially_upheld": "Complaints upheld or partially upheld (upheld + "
            "partially upheld, or the combined figure as printed when they are not).",
            "upheld_rate": "upheld / received (0-1).",
            "upheld_or_partially_upheld_rate": "upheld_or_partially_upheld / received (0-1).",
            "printings_agree": "False when printings of one of these figures differ "
            "(marts.dq_findings names them).",
            "fact_ids": "Every printing behind the row (bi.fact_citations).",
            "printed_at": "Every printing as 'file line N'.",
            "pack_ids": "Packs the figures were printed in.",
        },
        requires=("marts.fct_complaints", "marts.dim_council"),
    )
)


# --------------------------------------------------------------------------- decisions

register(
    View(
        name="decisions",
        description="Decisions: committee resolutions (with every lettered or numbered item), "
        "decisions noted, executive decisions, forward-plan items and recommendations, with what "
        "each is about, who made it and when, the council and committee, and a citation of "
        "the lines it is printed on. Its items are in bi.decision_items.",
        sql=f"""
SELECT
    f.decision_id, f.kind, f.reference, f.related_reference, f.title, f.subject,
    f.minute_number, f.decision_text, f.n_items, f.description, f.decision_maker,
    f.cabinet_member, f.decision_date, f.decision_date_text, f.anticipated_month, f.status,
    f.response, f.target_date, f.officer, f.reporting_council,
    c.council_name AS reporting_council_name, cm.committee_name, f.meeting_date, f.pack_id,
    f.document_id, d.title AS document_title, f.source_line, f.source_last_line,
    {_citation_expr()} AS citation
FROM marts.fct_decisions AS f
LEFT JOIN marts.dim_council AS c ON c.council_id = f.reporting_council
LEFT JOIN marts.dim_meeting AS m ON m.meeting_id = f.meeting_id
LEFT JOIN marts.dim_committee AS cm ON cm.committee_id = m.committee_id
LEFT JOIN provenance.packs AS p ON p.pack_id = f.pack_id
LEFT JOIN provenance.documents AS d ON d.pack_id = f.pack_id AND d.document_id = f.document_id
""",
        columns={
            "decision_id": "Key of the decision (marts.fct_decisions).",
            "kind": "resolution, noted, executive_decision, forward_plan_item, recommendation "
            "(or decision, for a decisions table of no recognised kind).",
            "reference": "The decision's own reference as normalised, e.g. EX/48/2023.",
            "related_reference": "A decision reference the text mentions (a call-in of "
            "PH/41/2015).",
            "title": "Title printed for the decision itself, if any.",
            "subject": "What the decision is about: a library or service of a recommendations "
            "table, the decision's title, the minute heading, or the report it is in.",
            "minute_number": "Number of the minute it is recorded under (minutes only).",
            "decision_text": "The decision whole, as printed, with all its items in order.",
            "n_items": "Number of its lettered or numbered items (bi.decision_items).",
            "description": "Description or reasons printed beside an executive decision.",
            "decision_maker": "Who makes (or made) the decision: the executive, a cabinet "
            "member, the committee whose minutes record it.",
            "cabinet_member": "Cabinet member responsible, where printed.",
            "decision_date": "Date the decision was (or is to be) taken; for minutes, the date "
            "of the minuted meeting.",
            "decision_date_text": "The decision date as printed.",
            "anticipated_month": "Month a forward-plan decision is anticipated, if given.",
            "status": "Status as printed (e.g. Ongoing, Not yet due).",
            "response": "The executive's response to a recommendation, as printed.",
            "target_date": "Target date of a recommendation or action, if given.",
            "officer": "Officer named for the item.",
            "reporting_council": "GSS code of the council.",
            "reporting_council_name": "Name of the council.",
            "committee_name": "Committee whose pack printed the decision.",
            "meeting_date": "Date of that committee meeting.",
            "pack_id": CITATION_COLUMNS["pack_id"],
            "document_id": CITATION_COLUMNS["document_id"],
            "document_title": CITATION_COLUMNS["document_title"],
            "source_line": "First printed line (1-based) of the decision's text in its pack.",
            "source_last_line": "Last printed line of the decision's text.",
            "citation": CITATION_COLUMNS["citation"],
        },
        requires=(
            "marts.fct_decisions",
            "marts.dim_council",
            "marts.dim_meeting",
            "marts.dim_committee",
        ),
    )
)

register(
    View(
        name="decision_items",
        description="Each lettered or numbered item of a decision ('a)', '2.1', '3.') in "
        "printed order, beside its decision's kind, subject, maker and date, with a citation "
        "of the line it is printed on.",
        sql=f"""
SELECT
    i.decision_item_id, i.decision_id, i.item_seq, i.item_label, i.item_label_printed,
    i.item_text, f.kind, f.reference, f.subject, f.minute_number, f.decision_maker,
    f.decision_date, f.reporting_council, c.council_name AS reporting_council_name,
    f.meeting_date, i.pack_id, i.document_id, d.title AS document_title, i.source_line,
    i.source_last_line, {_citation_expr(line="i.source_line")} AS citation
FROM marts.decision_items AS i
JOIN marts.fct_decisions AS f ON f.decision_id = i.decision_id
LEFT JOIN marts.dim_council AS c ON c.council_id = f.reporting_council
LEFT JOIN provenance.packs AS p ON p.pack_id = i.pack_id
LEFT JOIN provenance.documents AS d ON d.pack_id = i.pack_id AND d.document_id = i.document_id
""",
        columns={
            "decision_item_id": "Key of the item (marts.decision_items).",
            "decision_id": "Its decision (bi.decisions, marts.fct_decisions).",
            "item_seq": "Position of the item in its decision (1, 2, 3 ...).",
            "item_label": "The label, lower case, without brackets or points ('a', 'ii', "
            "'2.1'); null for a bullet.",
            "item_label_printed": "The label as printed ('a)', '(ii)', '3.').",
            "item_text": "The item's text as printed, without its label.",
            "kind": "Kind of its decision (resolution, recommendation, executive_decision ...).",
            "reference": "Its decision's own reference, normalised.",
            "subject": "What its decision is about (see bi.decisions).",
            "minute_number": "Number of the minute its decision is recorded under.",
            "decision_maker": "Who made its decision.",
            "decision_date": "Date its decision was taken.",
            "reporting_council": "GSS code of the council.",
            "reporting_council_name": "Name of the council.",
            "meeting_date": "Date of the meeting whose pack printed it.",
            "pack_id": CITATION_COLUMNS["pack_id"],
            "document_id": CITATION_COLUMNS["document_id"],
            "document_title": CITATION_COLUMNS["document_title"],
            "source_line": "First printed line (1-based) of the item in its pack.",
            "source_last_line": "Last printed line of the item.",
            "citation": CITATION_COLUMNS["citation"],
        },
        requires=("marts.decision_items", "marts.fct_decisions", "marts.dim_council"),
    )
)


# --------------------------------------------------------------------------- children in care

register(
    View(
        name="children_looked_after",
        description="Children looked after over time, by council: counts and rates of children "
        "in care, entries and exits, placement mix and care leavers; one conformed figure per "
        "council, measure, value type, breakdown and period (bi.figures), however many packs "
        "print it, citing every printing (benchmark rows are about the subject council), oldest "
        "first. value_type tells actuals from targets and baselines; dated_by_meeting marks "
        "figures whose period was not printed.",
        sql="""
SELECT
    f.subject_council AS council, sc.council_name, f.reporting_councils, f.measure,
    m.description AS measure_description, f.unit, f.value_type, f.age_band, f.segment, f.breakdown,
    f.period_type, f.fiscal_year, f.period_start, f.period_end, f.as_of_date,
    coalesce(f.as_of_date, f.period_end) AS period_date, f.period_source, f.dated_by_meeting,
    f.value, f.printed_values, f.printings_agree, f.printings, f.fact_ids, f.printed_at,
    f.pack_ids
FROM bi.figures AS f
LEFT JOIN marts.dim_council AS sc ON sc.council_id = f.subject_council
LEFT JOIN marts.dim_measure AS m ON m.measure_code = f.measure
WHERE f.domain = 'placements'
ORDER BY council, period_date NULLS LAST, f.measure, f.value_type
""",
        columns={
            "council": "GSS code of the council the value is about.",
            "council_name": "Name of that council.",
            "reporting_councils": "Councils whose papers printed the value.",
            "measure": "Measure code, e.g. cla_count, cla_rate_per_10000.",
            "measure_description": "What the measure counts.",
            "unit": "count, percent or rate_per_10000.",
            "value_type": VALUE_TYPE_DOC,
            "age_band": "Age band the value is for, null for all ages.",
            "segment": "Cohort the value is restricted to (e.g. after_child_protection_plan: "
            "children who came into care after a child protection plan), null for all children.",
            "breakdown": "What else the value is broken down by (legal status, reason for "
            "leaving care, ...), null for a headline figure.",
            "period_type": PERIOD_TYPE_DOC,
            "fiscal_year": "Fiscal year, for values covering a year.",
            "period_start": "First day of the period the value covers.",
            "period_end": "Last day of the period the value covers.",
            "as_of_date": "Date of the snapshot, for as-of values.",
            "period_date": "The date to plot the value at: as-of date, or the end of its period.",
            "period_source": PERIOD_SOURCE_DOC,
            "dated_by_meeting": DATED_BY_MEETING_DOC,
            "value": "The conformed value (the one printed most often, then the latest).",
            "printed_values": "Every distinct value printed for it.",
            "printings_agree": "False when printings differ (marts.dq_findings names them).",
            "printings": "How many times it is printed.",
            "fact_ids": "Every printing (bi.fact_citations).",
            "printed_at": "Every printing as 'file line N'.",
            "pack_ids": "Packs that print it.",
        },
        requires=("marts.fct_placements", "marts.dim_council", "marts.dim_measure"),
    )
)


# --------------------------------------------------------------------------- national definitions


def _national_comparisons_sql(con) -> str:
    return f"""
SELECT
    f.subject_council AS council, c.council_name, c.council_type, c.region, f.reporting_council,
    f.domain, f.measure, f.measure_description, f.value, f.unit, f.value_text,
    f.period_type, f.fiscal_year, f.as_of_date, f.period_start, f.period_end,
    m.national_source, m.national_collection, m.lg_inform_metric_id, m.lg_inform_metric_url,
    m.national_definition, m.national_match, m.national_notes, m.national_source_url,
    CASE
        WHEN m.national_source = 'NHS England' AND f.as_of_date = last_day(f.as_of_date)
            THEN 'month ending ' || strftime(f.as_of_date, '%-d %B %Y')
        WHEN m.national_source <> 'NHS England' AND f.period_type = 'fiscal_year'
            THEN 'year ending 31 March ' || year(f.period_end)
        WHEN m.national_source <> 'NHS England' AND f.period_type = 'as_of'
             AND month(f.as_of_date) = 3 AND day(f.as_of_date) = 31
            THEN 'at 31 March ' || year(f.as_of_date)
    END AS national_period,
    f.pack_id, f.source_line, f.fact_id
FROM ({_facts_sql(con)}) AS f
JOIN marts.dim_measure AS m ON m.measure_code = f.measure AND m.national_source IS NOT NULL
LEFT JOIN marts.dim_council AS c ON c.council_id = f.subject_council
"""


register(
    View(
        name="national_comparisons",
        description="Each council's printed figure beside the national series that defines the "
        "same measure (LG Inform metric, DfE children looked after return, NHS England community "
        "health services waiting lists, LGSCO statistics): one row per printed value of a measure "
        "with a national definition. national_period says which national release the figure "
        "lines up with (null: the report's period is not one the national series publishes).",
        sql=_national_comparisons_sql,
        columns={
            "council": "GSS code of the council the value is about (join national series on it).",
            "council_name": "Official name of that council.",
            "council_type": "county, district, metropolitan district, london borough, unitary or "
            "city corporation.",
            "region": "English region of the council.",
            "reporting_council": "GSS code of the council whose papers printed the value.",
            "domain": "Fact domain: complaints, placements or waiting_times.",
            "measure": "Our measure code (marts.dim_measure).",
            "measure_description": "What our measure counts.",
            "value": "The council's figure as printed, as a number.",
            "unit": "Unit of the value: count, percent, weeks, rate_per_10000.",
            "value_text": "The value exactly as printed.",
            "period_type": "as_of (a snapshot), fiscal_year or fiscal_quarter.",
            "fiscal_year": "Fiscal year the value covers, e.g. 2017/18.",
            "as_of_date": "Date of the snapshot the value describes.",
            "period_start": "First day of the period the value covers.",
            "period_end": "Last day of the period the value covers.",
            "national_source": "Publisher of the national series (Department for Education, NHS "
            "England, Local Government and Social Care Ombudsman).",
            "national_collection": "The national collection (e.g. SSDA903 children looked after "
            "return).",
            "lg_inform_metric_id": "LG Inform metric id of the national series, where published "
            "there.",
            "lg_inform_metric_url": "The LG Inform metric's page.",
            "national_definition": "The national definition the figure lines up with.",
            "national_match": "same (same definition) or close (see national_notes).",
            "national_notes": "How the council's figure may differ from the national definition.",
            "national_source_url": "Where the national figures are published.",
            "national_period": "The national release period the value lines up with ('at 31 March "
            "2017', 'year ending 31 March 2015', 'month ending 31 January 2024'); null when the "
            "report's period is not one the national series publishes.",
            "pack_id": CITATION_COLUMNS["pack_id"],
            "source_line": CITATION_COLUMNS["source_line"],
            "fact_id": "The fact's key in marts.fct_<domain> (see bi.fact_citations).",
        },
        requires=("marts.dim_measure", "marts.dim_council"),
    )
)
