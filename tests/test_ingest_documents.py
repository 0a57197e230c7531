"""Documents: agenda, minutes, reports and appendices, with title, officer and lines."""


def _doc_at(pack, line):
    return pack.document_at(line)


def test_every_line_belongs_to_exactly_one_document(parsed_packs):
    for pack in parsed_packs.values():
        docs = pack.documents
        assert docs[0].first_line == 1
        assert docs[-1].last_line == len(pack.text.lines)
        for before, after in zip(docs, docs[1:], strict=False):
            assert after.first_line == before.last_line + 1


def test_pack_000_reports_minutes_and_appendices(parsed_packs):
    pack = parsed_packs["000"]
    assert _doc_at(pack, 20).kind == "agenda"
    minutes = _doc_at(pack, 200)
    assert minutes.kind == "minutes" and minutes.title.endswith("2 JULY 2015")
    assert _doc_at(pack, 400).title.endswith("30 JULY 2015")
    report = _doc_at(pack, 1700)
    assert report.kind == "report" and report.first_line == 1637
    assert report.title.startswith("CUSTOMER RELATIONS TEAM ANNUAL REPORTS")
    assert report.officer.startswith("Delyth Curtis, Director of People")
    clinical = _doc_at(pack, 900)
    assert clinical.title == "BLACKPOOL CLINICAL COMMISSIONING GROUP: NEW MODELS OF CARE"
    forward_plan = _doc_at(pack, 677)
    assert forward_plan.kind == "appendix"
    assert forward_plan.title == "EXECUTIVE FORWARD PLAN - SUMMARY OF KEY DECISIONS"


def test_running_minutes_headers_do_not_open_documents(parsed_packs):
    pack = parsed_packs["000"]
    minutes = [d for d in pack.documents if d.kind == "minutes"]
    assert len(minutes) == 2  # 2 July and 30 July, despite 10 repeated page headers


def test_single_report_pack_is_one_report(parsed_packs):
    (doc,) = parsed_packs["001"].documents
    assert doc.kind == "report"
    assert doc.title == "CHILDREN'S SERVICES UPDATE REPORT"
    assert doc.officer == "Diane Booth, Director of Childrens Services"


def test_report_opened_without_report_to_block(parsed_packs):
    report = _doc_at(parsed_packs["004"], 200)
    assert report.kind == "report" and report.first_line == 172
    assert report.title == "Quarterly Performance Update against Safeguarding Adults' Indicators"


def test_dashboard_appendix_after_blank_page(parsed_packs):
    doc = _doc_at(parsed_packs["002"], 672)
    assert doc.kind == "appendix"
    assert doc.title == "BLACKPOOL HEALTH DATA DASHBOARD - December 2023"
