"""Parse one pack file into everything the raw layer holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ingest.documents import Document, split_documents
from ingest.errors import PackError
from ingest.metadata import MeetingMetadata, extract_metadata
from ingest.paragraphs import bare_number_labels, paragraph_view
from ingest.prose import ProseNumber, prose_numbers
from ingest.reader import PackText, decode_pack
from ingest.tables import Table, find_tables
from ingest.text import clean_text

# 1.3: numbers in sentences (prose_numbers); 1.3.1: only paragraphs naming a fact domain;
# 1.3.2: prose context_before, comparison periods, quarters; 1.3.3: no-value tokens from the one
# list (seed value_tokens): 'Not Applicable', 'TBC', '--' are placeholders, '-' lines fillers;
# 1.3.4: a 'from' with no 'to' compares only after a change's words ('up from 62%')
# 1.3.5: a period phrase in a clause an event opens ('Prior to the inspection in February 2022')
#        is printed whole as the figure's period_text (it bounds the figure's time)
# 1.3.6: 'financial / reporting / calendar year' after two years belongs to their period phrase
# 1.3.7: a number in brackets after the period a change is measured from is that period's
#        figure, the comparison of the figure before ('11% up from the previous year (993)')
# 1.3.8: a header line with a label-column heading under group labels that span its columns
#        (`\t2023/24` over `Measure\tJan\tFeb`) is part of the header, not the first row
# 1.3.9: of two period phrases as near a figure, the one after it is its own ('from 342 in
#        March 2023 to 198 in March 2024': 198 is March 2024's); a pack without tables is read
# 1.3.10: a pack opening with its minutes ('MINUTES OF THE MEETING OF THE CABINET HELD ON 14
#        NOVEMBER 2023') takes its committee and meeting date from that title
# 1.3.11: a council name printed in capitals on the front sheet ('DARLINGTON BOROUGH COUNCIL')
# 1.3.12: a front-sheet `Date: Monday, 11th March, 2024` field dates the meeting; the venue after
#        a dash on the date line; a council never named read from its officers' gov.uk domain
# 1.3.13: dates with their day over `No. | %` columns head them; `(2022/23)` is a period
# 1.3.14: a quarter, year or date printed right after a prose figure is that figure's period,
#        not the next figure's
# 1.3.15: `2023/24 total` heads a column (a period with a word); `31/03/2023` is a date
# 1.3.16: 'A meeting of the X is to be held on <date> at <time> in <venue>' on a front sheet; a
#        `Meeting:` field above the front-sheet date names the committee without its key
# 1.3.17: the number of a numbered section's title ('7 Complaints and compliments ...') is no figure
# 1.3.18: a second header line whose headings open with a number ('20 working days') is header
# 1.3.19: a table goes on across a page's running footer or header printed by its page number
# 1.3.20: a bare range (`1-4`, `16+`) is an age band; a footer ending with its page number is
#        page furniture between two parts of a table
# 1.3.21: a figure alone in brackets right after a period phrase is that period's ('on 2022/23
#        (470)')
# 1.3.22: minutes printed under their committee and date with 'Present:' below open a minutes
#        document (titled by both); a meeting announced in a sentence outranks a later date line
# 1.3.23: a committee-and-date banner printed by a page stamp is the page's footer, not a
#        document's start
# 1.3.24: 'Meeting to be held in <venue> on' above the front sheet's date gives the venue
# 1.3.25: 'You are summoned to attend a meeting of the X to be held on ...' (not the summons'
#        issue date below it); a Scrutiny Commission is a committee
# 1.3.26: a report's own block opens it, inside minutes too ('Report to the Cabinet' over
#        'Meeting to be held on ...'; 'Item No. | Classification: | Date: | Meeting Name:'); a
#        'Report title:' key is the report's title; 'Report of ...', 'Part I' and a key printed
#        alone with its value below are header lines; '<5' is a no-value token (seed value_tokens)
# 1.3.27: a period phrase opening a sentence reaches a figure printed in its own bracket ('2.1 In
#        2023/24 the themes ... were communication (47 complaints)')
# 1.3.28: a council printed on the front sheet by a form without 'Council' ('Royal Borough of
#        Greenwich', 'London Borough of Hackney'; seed council_name_forms), and 'City of X Council'
# 1.3.29: a numbered paragraph printed `1.1<TAB>sentence` is text, not a two-cell table row
#        (ingest/paragraphs.py)
# 1.3.30: a header of days and months over a line of years ('31 March' over '2020'), and a
#        header row of years alone ('<TAB>2023<TAB>2024'): the years are headings, no figures
# 1.3.31: minutes titled 'AT A MEETING of ...' or 'minutes' alone; a report opened by 'Report' over
#        'Committee:' / 'Title:' keys, or by 'Report to X' over the meeting's date; 'Title:' and
#        'Subject:' keys title a report
# 1.3.32: a report opened by 'From:' over 'To:' (titled by its 'Subject:'); 'Agenda Item C1'
#        stamps; a front sheet listing two or more items with their pages is an agenda
# 1.3.33: a year after 'on' / 'against' ('an increase of 8% on 2022/23') is the period a change is
#        measured from, not the change's own; '4% higher than ...' is a change
# 1.3.34: documents: `Item 5` alone is an item stamp; a report opened by the council's name over
#        the body, date and `Subject:` (Surrey, Wiltshire) and titled by its `Subject:`; `Report to
#        X` over `Report of:` / `Subject:` keys (Sheffield); a stamp's first line heads the report
#        or minutes the next lines open (`Item 4` / committee / `Minutes of the meeting ...`); a
#        `Page 6` under a blank page opens nothing; a report's header is counted in lines with text
#        and ends at a sentence; a banner one blank line from a page stamp is page furniture;
#        minutes under their committee and `Meeting held 18 June 2025`; `Date & time:` dates the
#        meeting
# 1.3.35: a report's running footer printed as a title and its page number (`ACS Annual
#        Complaints and Compliments Report 2024/25<TAB>4`, on several pages) is no table
# 1.3.36: a caption ending with its date after a comma ('Long waits by service, 30 September
#        2025') dates its table (var as_of_phrases)
# 1.3.37: a change is about the figure before it, passing over one in brackets ('286 complaints
#        received (2023/24: 265), an increase of 8%': 286's change)
# 1.3.38: a numbered paragraph's number may be indented by TABs ('<TAB>(a)<TAB>approves ...'),
#        so lettered items under a resolution are read as text, not as rows of a table.
# 1.3.39: 'at year end', 'at the end of the (financial) year' are period phrases (prose.yml); a
#        bullet printed with a TAB ('•<TAB>46% of children ...') opens a paragraph, no table row
# 1.3.40: a flow counted to date with no year is a period phrase: 'since April', 'since the start of
#        the year', '(in the) year to date', 'so far this year' (prose.yml; dbt var to_date_phrases)
# 1.3.41: the label column's heading beside dates (`Placement type<TAB>31 March 2025<TAB><TAB>30
#        June 2025`) over a line of headings leaving it empty (`<TAB>No.<TAB>%`) is a two-row
#        header; a page's banner printed with a TAB on two pages or more, by a `Page 12` stamp (one
#        blank line away), is no table, so the table goes on across it; a council named in the
#        text whose place is an officer's gov.uk domain wins over one named more often that is not
# 1.3.42: a short numbered item (three words or more) printed next to a numbered paragraph is an
#        item of the same list, read as text (`1.<TAB>Note the overspend.` over `2.<TAB>...`)
# 1.3.43: minutes titled `Minutes of the Cabinet` over a line of their date and time (`7 October
#        2025 at 4.00 pm`, a blank line between) are titled with it, so their resolutions are dated
# 1.3.44: a line of dates with their day (and years, bracketed or not) with no row label, under a
#        header line naming the label column (`Indicator<TAB>Surrey<TAB>Surrey` over `<TAB>31 Mar
#        2024<TAB>31 Mar 2025<TAB>(2024)`), is the header's second line, not a row of the body
# 1.3.45: a quarter named in the figure's own clause after 'in' / 'during' ('received 1,711 Stage 1
#        complaints in Quarter 2') is its period, though further away than a quarter is read
# 1.3.46: 'the same six months of 2024/25' opens a clause bounding a figure's time (dbt var
#        period_bound_openers): part of a year, not the year; a number inside a clause bounding a
#        figure's time ('six months') is part of it, no figure
# 1.3.47: a number of miles is the threshold a measure names ('more than 20 miles from home'), no
#        figure (prose.yml threshold_units); 'aged 19 to 21' makes 21 an age too
# 1.3.48: a line reading only `MINUTES` inside minutes already open (no stamp before it) heads a
#        part of them, not other minutes (`At a meeting of the X COMMITTEE held on ...`, `MINUTES`);
#        `REPORT TITLE` over the title and `REPORT OF` opens a report (also in the two lines after
#        a stamp's first line); `X COMMITTEE: 12 NOVEMBER 2025` is a one-line banner; a minutes
#        title naming no body (`Minutes of the Meeting Held on ...`) goes after the committee
#        banner printed above it (`Corporate Parenting Board – Minutes of the Meeting ...`)
# 1.3.49: a first row of dates or periods beside a heading of words (`Waiting list<TAB>31 Aug
#        2024<TAB>31 Mar 2025`, `Activity<TAB>2023/24<TAB>2025/26 to date`) over labelled rows of
#        figures printing no date or period is the header; another such row below it opens a
#        table of its own
# 1.3.50: an item lettered or numbered in Roman one blank line from a numbered paragraph labelled
#        alike (`(i)<TAB>THAT the report be noted; and` / `` / `(ii)<TAB>THAT ...`) is an item of
#        the list, not a table; `17.<TAB>The Committee is asked to:` is a lead-in (boundaries.yml
#        paragraph_lead_in)
# 1.3.51: a band of waits heading a column (`0-6 weeks`, `52+ weeks`) is a heading, not a value,
#        so `Month end<TAB>0-6 weeks<TAB>...<TAB>Total` is a header; an officer's `Email:` /
#        `Telephone:` line above a page break is no caption (captions.yml attributions)
# 1.3.52: a numbered section's heading (`9. COMPLIMENTS`) ends the prose context a sentence below
#        it reads its service from (prose numbers' context_before starts after it)
# 1.3.53: a numbered paragraph one blank line below the one before it in sequence (`2.5` under
#        `2.4`) that ends a sentence is a paragraph too, however short (`2.5<TAB>Of these, 180 had
#        been waiting over 78 weeks.` was a one-row table)
# 1.3.54: a count's share printed alone in brackets after it ('193 children (16.9%) were living
#        more than 20 miles from home at 30 September 2025') takes the count's period, and the
#        bracket no longer keeps the period after it from the count; 'miles from home' names the
#        placements domain (prose.yml domain_words)
# 1.3.55: an appendix's own heading standing alone in a report past its first lines (`Appendix A`,
#        `Appendix 2 – Long waits by service`) opens the appendix (boundaries.yml
#        appendix_headings), unless it is an entry of the report's list of appendices; in an
#        appendix, its own appendices stay its parts
# 1.3.56: a count's own share printed in brackets right after it stands aside from the count's
#        words ('128 (41%) were upheld or partially upheld': 128's after_text is 'were upheld or
#        partially upheld', it was '(')
# 1.3.57: a period phrase after 'since' is the period a change is counted from, its comparison
#        period ('a reduction of 300 since April 2025'); a figure that is no change keeps it
# 1.3.58: 'longer than' bounds a number as 'over' does ('788 had waited longer than 18 weeks':
#        18 weeks is the threshold the measure names, no figure cutting 788's words)
# 1.3.59: a level right after a change and ', to' is the level the change reached ('rose by 335
#        between April and June 2025, to 10,177 children'): role 'to', anchored on the change,
#        and of its period when it prints none (prose.yml reached_words, reached_gap)
# 1.3.60: 'over the quarter' (the last year, month, period) may stand between a change and the
#        level it reached ('fell by 86 over the quarter, reaching 541 at 30 September 2025')
# 1.3.61: a front sheet's date after 'Meeting held on'; a line naming the document ('Record of
#        Executive Decisions', 'Decision Notice') above the date is not the committee
# 1.3.62: a report key alone on the first line after a stamp ('Report for:' over 'Cabinet') opens
#        a report (it was an appendix titled 'Report for:')
# 1.3.63: 'Report of the Director of ...' under an item stamp opens a report; 'in August' (a month
#        with no year) is a period phrase; a sentence opening with a legend's key ('(3U) = three
#        complaints upheld ...') gives no figures
# 1.3.64: a numbered paragraph '6.<TAB>The Task Group recommends that Cabinet:' is a lead-in
# 1.3.65: a row label cut by a page ('Occupational' / 'Page 7' / 'Therapy<TAB>561 ...') is one
#        label when the two parts name a service of seed service_aliases and the second alone none
# 1.3.66: a second header line of short lower-case words under headings ('maker', 'decision' under
#        'Decision', 'Date of') in a table of words is the headings' ends, not a body row
# 1.3.67: a TAB-indented line of words right under a numbered paragraph that ends no sentence
#        goes on that paragraph ('(b)<TAB>delegates to ... the Portfolio' / '<TAB>Holder for ...')
# 1.3.68: a label line with no figures, in capitals and itself broken off, under a row with figures
#        whose label dangles opens a label of its own (it was joined to the row above too)
# 1.3.69: a short line with no TAB, in lower case, right under a labelled row of figures is the
#        end of that row's label ('... in same<TAB>71.2%' / 'placement for 2+ years (%)')
# 1.3.70: 'the first three quarters of 2024/25' / 'the first six months of 2024/25' is one period
#        phrase (the months from the year's start), not the year it names
# 1.3.71: a page banner printed right above the rest of a table no longer drops those rows with
#        it; a label line right under a table's part, by a page stamp, over a row of figures with no
#        label is that row's label ('Occupational Therapy' / 'Page 12' / '<TAB>874<TAB>881 ...')
# 1.3.72: a front sheet's date printed after its time (`2.00 pm on Tuesday, 11th November, 2025`)
#        dates the meeting (the agenda's publication date further down did)
# 1.3.73: a report opened by its `Report to:` field starts at the fields right above it
#        (`Report title:` there titles it); `Cabinet Report` over `Name of Cabinet Member:` /
#        `Title:` fields opens a report; a header key's value may run over several lines
# 1.3.74: 'Decisions taken at the meeting of the Cabinet held on ...' names the meeting
# 1.3.75: a title stops before a header field printed under it (`Key decision: Yes`)
# 1.3.76: 'during the quarter', 'this quarter', 'at the end of the quarter' are period phrases
#        (the quarter the report covers); 'the last five quarters' is a span of time, not 125%;
#        'in the 12 months to 31 December 2025' is one period phrase; 'three or more' is a
#        threshold (the number a measure names), not a figure
# 1.3.77: 'At the end of Quarter 2' is one period phrase; the number a timescale or target
#        names ('within the 20 working day timescale') is a threshold
# 1.3.78: an appendix's numbered paragraph `A1.<TAB>...` is a paragraph, not a table row; 'the
#        first quarter of 2025/26' is one period phrase
# 1.3.79: a report's `Contact officer:` / `Officer Contact Details<TAB>...` names its officer
#        (also below its title field); a stamp over a committee's name and the meeting's date
#        over the report's fields opens one report, not an appendix and a report; `Report by:`
#        opens a report as `Report of:` does
# 1.3.80: `A1.` is a paragraph number only with its dot (`Q2<TAB>...` stays a row); `Name of
#        meeting:` opens a report only as a block over `Date:` / `Title of report:` fields
# 1.3.81: a decision's word printed as a cell of its own (`RESOLVED:<TAB>That ...`) opens a
#        line of text, not a two-cell table row
# 1.3.82: a running footer printing `Page 37` in its second cell is page furniture as one
#        printing `37` is (the table it cut was two tables)
# 1.3.83: a second header line of each column's year under quarters (`Placement type<TAB>
#        2024/25<TAB>2025/26` under `<TAB>Q4<TAB>Q1`), or of dates with a heading's wrapped last
#        word (`<TAB>31 Mar 2025<TAB>neighbours<TAB>(2024)`), heads the table
# 1.3.84: a number after 'quarter' beyond 4 is a quantity, not a quarter's label (prose.yml
#        label_number_limits)
#        and minutes titled '... Panel held at the Guildhall, Marshby on ...' name the panel
# 1.3.85: 'in the third quarter' with no year is a period phrase (a quarter of the report's year)
# 1.3.86: 'since the peak in August 2025' after a change is the period it is counted from (prose.yml
#        comparison_before_change), not the change's own
# 1.3.87: a row label broken off on a word it cannot end on ('... young people aged') goes on in
#        the next row ('16 and 17<TAB>12<TAB>14'), across a page's stamp and a running head one
#        blank line from it (a line the pack prints elsewhere too)
# 1.3.88: a numbered line of one short sentence holding a figure, no TAB line next to it
#        ('1.<TAB>The Council received 305 Stage 1 complaints in 2024/25.'), is a paragraph, not a
#        one-row table
# 1.3.89: a threshold naming a figure's measure ('over 18 weeks') does not stand between the figure
#        and its period ('140 children waiting over 18 weeks ... at 31 January 2026')
# 1.3.90: a header line of years and a heading's last words under a header naming the label
# column (`<TAB>Outturn<TAB>2025/26<TAB>neighbours (2024)`) heads the table, not its first row;
# a committee's name alone over its meeting's date past a blank line (`CABINET` / `` / `17 March
# 2026`) is a report's banner once a document is open (the report after minutes opens there);
# `at the end of` 2024/25 right after a figure is that figure's period, not a later one's
# 1.3.91: a figure in a clause opened by `when` after a compared period ('compared with 2024/25,
# when 223 complaints were recorded') is of that period (prose.yml clause_of_period); a period
# phrase after ', so' (clause_break_words) is not a figure's before it
# 1.3.92: a run of months ending in a year ('between July and September 2025', 'October-December
# 2025') is one period phrase (prose.yml periods), not its last month
# 1.3.93: a caption saying the table goes on ('Table 4 (continued)', captions.yml
# continued_captions) between two parts of a table joins them, as a page's furniture does
# 1.3.94: a first line of dates or periods with no label (`<TAB>31 Mar 2025<TAB>30 Jun 2025`) over
# labelled rows of figures heads its table (it was a row of values, the table's columns unnamed)
# 1.3.95: `Report of <officer> to the meeting of <body> to be held on <date>` opens a report, inside
# minutes too (boundaries.yml report_blocks); a title key alone (`Subject:`) over its value titles
# a report even past a line ending in a colon
# 1.3.96: a paragraph saying children are `in the care of` the council is read (prose.yml
# domain_words): '512 children were in the care of Kestrel Bay Council' named no domain word
# 1.3.97: a paragraph's bare number printed before a TAB (`6<TAB>Adult Social Care Complaints
# ... Annual Report (Pages 9 - 32)`) is its number, no count (paragraphs.bare_number_labels)
# 1.3.98: a number after `year` or `week` larger than any year group or week of a year is a
# quantity (prose.yml label_number_limits: 'the second quarter of the year 97 children became')
# 1.3.99: a bare number before a TAB and words opening in lower case (`45<TAB>complaints were
# about ...`) stays a count, no paragraph's number
# 1.4.0: a minute's number of four digits is a paragraph's number (`1402<TAB>The Cabinet Member
# ...`), and the TAB-indented paragraphs and `RESOLVED:-` lead-in under it are the minute's
# (paragraphs.py), not rows of a two-cell table
# 1.4.1: dates beside the label column's heading, then a heading of words (`Placement type<TAB>31
# Mar 2025<TAB>30 Jun 2025<TAB>% of total (Dec)`), head the table (headers.py)
# 1.4.2: a page's head naming its meeting (`Health Scrutiny Committee – 23 February 2026`) by a
# page stamp is page furniture between a table's parts even if printed once (runs.py); an item
# stamp may print its number as `Agenda Item No. 4` (boundaries.yml); the lines of a banner
# naming council, body and date (`HERTFORDSHIRE COUNTY COUNCIL` / `AUDIT COMMITTEE` / `TUESDAY, 24
# MARCH 2026 AT 10.00AM`) between a stamp and a report's `Report of ...` line open a report, not
# an appendix, and are no part of its title (documents.py, document_titles.py)
# 1.4.3: an `Officer Contact` block (`Officer name: ...`) and an `If you need this report in large
# print ...` note go on with a report's closing section; an introduction ending in a colon names
# no contact officer (boundaries.yml, document_titles.py)
# 1.4.4: a running head by a page stamp names a body before its date (a table's caption with a
# date is none); a body's or council's name alone over a report's text is its title, a line of
# its banner only beside another (runs.py, document_titles.py)
# 1.4.5: a sentence's run of days ('between 1 April and 31 December 2025', '1 April 2024 to 31
# January 2026') is one period phrase, as a run of months was (prose.yml periods)
# 1.4.6: minutes under a banner naming their body by one word (`CABINET` / date / `Present:`) open
# there, or at the stamp above them (documents.py, Boundaries.heads_minutes_banner), and take it
# as their title
# 1.4.7: `Page 15 of 62` alone on a line is a page stamp (text.py), as `Page 15` was
# 1.4.8: 'for the year ending 31 March 2025' is one period phrase (prose.yml periods)
# 1.4.9: a front sheet's row of time, date and venue cells (`10:30<TAB>Thursday, 12 March
# 2026<TAB>Council Chamber, ...`) gives the meeting's date, time and venue (metadata.py)
# 1.4.10: a bare `MINUTES` over the body's name and the date takes both as its title
# (document_titles.py)
# 1.4.11: a numbered paragraph whose figures make it a sentence's length (`6.1<TAB>Services
# received 2,146 compliments in 2024/25, up from 1,987 in 2023/24.`) is prose (paragraphs.py)
# 1.4.12: the body and date under a chair's `CHAIR` line are minutes' signature block, no
# report's banner; `Report to:<TAB>Board<TAB>3 March 2026` opens a report (documents.py)
# 1.4.13: a banner by a page stamp over `Purpose of report:` opens its report; `Report Title:`
# under a stamp opens one (documents.py)
# 1.4.14: a front sheet's `Date & time<TAB>...` (a key in a cell of its own, no colon) gives the
# meeting, and a `Time:` printed after `Venue:` its time (metadata.py)
# 1.4.15: a short superscript is part of what it follows: `104<sup>1</sup>` -> `104¹`,
# `1<sup>st</sup>` -> `1st` (text.py; it was `104 1`, a cell of no value)
# 1.4.16: a row broken by a page whose rest lost its columns (`West<TAB>231`, `Page 15`,
# `<TAB>91<TAB>14`) is one row, the rest in the columns the row left (stitching.py)
# 1.4.17: the day of each quarter under a row of quarter labels (`Placement type<TAB>31 Mar
# 2025<TAB>...` under `<TAB>Q4<TAB>Q1 ...`) is a header row (headers.py); `Agenda Item No.` over
# its number on a line of its own is an item stamp, the number no title (boundaries.yml,
# documents.py); `Tel:` / `Email:` are report header keys; a council named only in a table's
# cell (`All Council`) is not the pack's while the text names one (metadata.py)
# 1.4.18: a numbered quarter of a fiscal year (`In Quarter 3 2025/26`, `Q2 of 2025/26`) is one
# period phrase (prose.yml periods; it was the year alone)
# 1.4.19: `Meeting to be held on Tuesday 3 March 2026 at 2.00 pm in the Brierley Room, ...` gives
# the meeting's date, time and venue (boundaries.yml minutes_held, metadata.py)
# 1.4.20: an officer's contact lines under a stamp (`Report author: ...` / `Tel: ...`) count for
# none of the lines that tell what it opens: the report they stand over (documents.py; they
# opened an appendix titled by the phone number); `Meeting date:` / `Meeting time:` / `Meeting
# venue:` give the meeting (boundaries.yml meeting_field_keys, metadata.py)
# 1.4.21: a title by a page stamp over `Report of the Director ...` opens a report (documents.py;
# it ran on in the minutes above), and that line is no part of the title (document_titles.py);
# `EXTRACT FROM THE MINUTES OF CABINET, 19 January 2026` opens minutes (boundaries.yml); a
# `... SCRUTINY COMMISSION` banner over its date and attendance opens minutes; a footnote's
# letter after a word (`external<sup>a</sup>`) is dropped (text.py); the date, time and venue
# under their headings (`Date & time<TAB>Place` over their cells), and no row of headings or
# summons sentence is the committee (metadata.py)
# 1.4.22: `Report to:` alone over the committee opens a report, whose header takes the keys alone
# over their values above it (`DECISION-MAKER:` / ... / `SUBJECT:` / ...); `SUBJECT:` alone under
# a stamp opens a report; `DECISION NOTICE` and `<BODY> - WORK PROGRAMME` open documents;
# `Electoral Division affected:` is no title (documents.py, boundaries.yml); `ii.<TAB>Recommends
# that ...` is a numbered paragraph (paragraphs.py)
# 1.4.23: a venue line above the date (`Meeting Venue:` over `Sparkenhoe Committee Room, ...`) is
# no committee; `10.00 AM COUNCIL CHAMBER, ...` is a time then a venue; the venue after a date's
# time (`at 10.30 am in Committee Room 'C' - The Duke of ...`) keeps its dash (metadata.py)
# 1.4.24: `CABINET MEMBER DECISION RECORD`, `TRACKING DECISIONS`, `... Work Programme 2025/26`
# open documents (boundaries.yml titled_start_lines); a title by a page stamp over `Report of ...`
# opens a report straight after the front sheet too; a numbered paragraph ends a report's header
# like a sentence; a banner by a page stamp over `Report of:` or `1. Purpose of report` opens its
# report, also right after the front sheet; `Report to <body>` over `Date:` / `Title:` opens one
# (documents.py, boundaries.yml)
# 1.4.25: an agenda's entry describing the minutes it puts to the meeting (`Minutes of the meeting
# ... held on 18 November 2025, as circulated, to be confirmed ...`) opens no minutes document
# (boundaries.yml minutes_agenda_entry)
# 1.4.26: a quarter and its year opening a cell (`Q1 2025/26 (30 June 2025)`) is a period heading
# a column, like a date or a fiscal year (headers.py), so `Measure | 31 March 2025 | Q1 2025/26 (30
# June 2025) | ... | Target` heads its table
# 1.4.27: an agenda item printed with a space after its number (`6 Children Looked After ...
# (Pages 19 - 34)`) opens with its number, no count (paragraphs.bare_number_labels)
# 1.4.28: a paragraph saying the council is `looking after` children is read (prose.yml
# domain_words)
# 1.4.29: a decision's word, its first item's label and text in three cells (`RESOLVED -<TAB>(i)
# <TAB>That ...`) is a numbered paragraph, read as text (paragraphs.py); under a stamp, a banner's
# short lines over `PRESENT:` open minutes (documents.py), as `CABINET MEETING` does
# (boundaries.yml bare_banner_name)
# 1.4.30: `in the nine months to 31 December 2025` is a sentence's period phrase (prose.yml), as
# `in the 12 months to ...` was
# 1.4.31: a label over periods each with a short heading after it (`Placement type<TAB>
# 31/03/2025<TAB>%<TAB>31/12/2025<TAB>%`) heads its table (headers.py)
# 1.4.32: unlabelled fiscal years followed by words (`<TAB>2024/25 (full year)<TAB>2025/26
# (Apr - Sep)`) head their table, as unlabelled dates do (headers.py)
# 1.4.33: `31.03.25` (a day and month of two digits, dots between) is a date, as `31/03/25` was
# (cells.py): a header row of them dates its columns
# 1.4.34: `31 Mar 25` (a day, a month and a two-digit year) is a date (cells.py): a header row of
# them dates its columns
# 1.4.35: a numbered line of words ending with a colon (`2.6<TAB>Age and gender profile at 30
# September 2025:`) is a paragraph, the lead-in of the table under it, not a one-row table
# 1.4.36: a number counting a list's items (`across the three services`, seed prose_item_nouns)
# stands between no figure and its period (prose.py); `the first three quarters of the year` is a
# period
# 1.4.37: a front sheet's `Meeting to be held in <place> on Wednesday, 11th March, 2026 ...` dates
# the meeting; inside open minutes `Minutes of the last meeting ... held on ...` and `Annual Work
# Programme 2025/26` head minutes of them, not documents (boundaries.yml, documents.py)
# 1.4.38: a label of words beside one date or period (`Waiting list<TAB>31st December 2025`) over
# labelled rows of figures heads its table, as two or more did (headers.py)
# 1.4.39: a committee's name with its remit after a dash (`IMPROVEMENT AND SCRUTINY COMMITTEE -
# CHILDREN'S SERVICES AND SAFEGUARDING`) is a banner line over a report's title, no title
# 1.4.40: `Open Agenda`, `Public Agenda` and `Order of Business` head a front sheet (boundaries.yml
# agenda_heading)
# 1.4.41: prose numbers' context_point_start: where the sentence's own numbered point begins in its
# context (a service named only in the points before is theirs)
# 1.4.42: a council named by a form without 'Council' past the front sheet (`THE LONDON BOROUGH OF
# CAMDEN`), or by the one gov.uk address a pack prints
# 1.4.43: a header cell opening in lower case with `of whom` / `of which` (stitching.yml
# part_column_openers) is a heading, not words going on past a page break
# 1.4.44: a table printing no label column (a header of periods from its first cell on over rows
# of figures from theirs) gets an empty one: its first figure no longer labels the row
# 1.4.45: months to a month printed with no year ('in the nine months to December') are a period
# phrase of the sentence (prose.yml periods)
# 1.4.46: a front sheet's `Venue:` value going on in second cells below it (`<TAB>Endeavour House`)
# is one venue, and the `Time:` under it is still read (metadata._fields_after)
# 1.4.47: `Scrutiny Committee, 29 January 2026` (a comma) is a report's banner, and `Lead Member -
# Cabinet Member for ...` report furniture: neither is the report's title (boundaries.yml)
# 1.4.48: `Contact Officer(s):` names a report's officer, and so does the first line under a
# `Contact details` heading, up to a `;` (boundaries.yml officer_keys, contact_headings)
# 1.4.49: a front sheet listing items with `Pages 13 - 32` in a cell of their own (no brackets)
# is an agenda (boundaries.yml agenda_item_pages)
# 1.4.50: a figure in brackets right after an earlier figure (`compared with 1,362 (98 per
# 10,000) a year earlier`) is the earlier figure's too (role from), not the sentence's level
# 1.4.51: `Report author:` over the title and `Report of:` opens the report there (boundaries.yml
# report_blocks): its title is the line under the author's, not the first heading of its body
# 1.4.52: a council named only by an e-mail domain with an ending after its place (`surreycc`)
# is that place when the pack prints it (`Surrey`; boundaries.yml email_domain_endings)
# 1.4.53: a row printed one cell to the right of the others (`<TAB>of which autism<TAB>6,412`),
# one cell wider than every labelled row, is read without its indent (ingest/tables.py)
# 1.4.54: `H1 2025/26` / `H1 24/25` in a sentence is a period phrase (prose.yml periods): the
# year's first half
# 1.4.55: a minute's body indented under its number and upper-case title (`13.<TAB>MINUTES` over
# `<TAB>Resolved that ...`) is read as its paragraphs, not as one-cell table rows
# 1.4.56: a cell naming months or a year to a day (`12 months to 30.9.25`) is a period, so a
# header of them over rows of figures is read as the table's header (ingest/cells.py)
# 1.4.57: a front sheet's `Date:` field printed without its weekday over a `Time:` or `Place:`
# field dates the meeting, with the committee above it and the time below (ingest/metadata.py)
# 1.4.58: the committee after `Notice of a Meeting of the` / `To: Members of the` above a front
# sheet's date; a sentence summoning the members (`... are requested to attend`) is no committee
# 1.4.59: an item's cover sheet (`<committee><TAB>Item No` over `Item 4 - <title>`) opens its
# report, titled after the item's number; `Reporting Officers` heads its officer (boundaries.yml)
# 1.4.60: the statistical codes `c`, `x` and `..` are no-value tokens (seed value_tokens), so a
# row of `c` cells under a row of figures is a row of its own, not the rest of its label
# 1.4.61: a cell naming a threshold (`18-week standard met (Dec)`: a number joined to its unit by
# a hyphen, then words) is text, so a header row holding one is read as the header (cells.py)
# 1.4.62: a distance band's name (`20 miles or more`) and a date naming its unit (`31 March 2025
# (%)`) are words, so a second header row holding one is read as a header row (cells.py)
# 1.4.63: the later numbers of a run after a plural label (`in Quarters 1 and 2`, `pages 3 to
# 5`) are labels, no figures (ingest/prose.py label_before)
# 1.4.64: an officer key anywhere in a report (`Contact Officer:<TAB>name, title, e-mail, phone`
# at its end) names its officer when its header and contact blocks name none
# 1.4.65: a key to a table's codes under it (`c = fewer than 5; included in the total`) is never
# the rest of the label above it (ingest/stitching.py)
# 1.4.66: a letterhead's place over its kind of council (`Lincolnshire` / `COUNTY COUNCIL`) is the
# printed council; a table's row of figures naming a district (`City of Lincoln<TAB>147`) is a
# cell's mention, not the text's
# 1.4.67: officers of `Author(s)`, `Report author and contact for queries:`, a key's row with a
# telephone cell after the name (`CONTACT OFFICER:<TAB>name, title<TAB>TEL. NO. ...`) and a closing
# `This report was written by <name>, who can be contacted on ...` (which no longer opens an
# appendix); an officer's e-mail and telephone are left out of the header's too
# 1.4.68: a figure alone in brackets after the period a change is measured from is that
# period's, also after `than in 2023/24` and `than at the end of September`
# 1.4.69: a committee's banner and date over `Meeting commenced:<TAB>1.00 pm` open its minutes
# 1.4.70: a bare quarter in brackets after a day or month (`At the end of September 2025 (Q2)`)
# restates it: the figure is of the day, not the quarter's span
# 1.4.71: a count's own share in brackets is its share past a label's number between them
# (`812 Stage 1 complaints (45%) were upheld ...`: 812's words are `... were upheld ...`)
# 1.4.72: a period phrase between the figures of one 'from X to Y', after X, is X's alone
# (`fell from a peak of 540 in August to 455`: 455 is not August's)
# 1.4.73: `than the peak in September` is the period a change is compared with, and a figure in
# brackets after it that period's (`47 fewer than the peak in September (651)`: 47 is of 604's)
PARSER_VERSION = "1.4.73"


@dataclass
class ParsedPack:
    text: PackText
    metadata: MeetingMetadata
    documents: list[Document]
    tables: list[Table]
    extracted_at: datetime
    prose: list[ProseNumber] = field(default_factory=list)  # numbers printed in sentences
    # the lines as the parser read them: numbered paragraphs printed `1.1<TAB>sentence` with a
    # space for their TAB (ingest/paragraphs.py); text.lines stays as printed
    read_lines: list[str] | None = None

    @property
    def pack_id(self) -> str:
        return self.text.pack_id

    @property
    def file_name(self) -> str:
        return self.text.file_name

    def document_at(self, line: int) -> Document | None:
        for document in self.documents:
            if document.first_line <= line <= document.last_line:
                return document
        return None


def parse_pack(path: Path) -> ParsedPack:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PackError(path.name, f"cannot be read ({error.strerror})") from None
    return parse_pack_bytes(path.name, data)


def parse_pack_bytes(file_name: str, data: bytes) -> ParsedPack:
    text = decode_pack(file_name, data)
    lines = paragraph_view(text.lines)  # numbered paragraphs read as text, not two-cell rows
    cleaned = list(map(clean_text, lines))  # once, for documents and captions
    documents = split_documents(lines, cleaned)
    tables = find_tables(lines, [document.first_line for document in documents], cleaned)
    return ParsedPack(
        text=text,
        metadata=extract_metadata(lines),
        documents=documents,
        tables=tables,
        extracted_at=datetime.now(UTC).replace(tzinfo=None),
        prose=prose_numbers(lines, bare_number_labels(text.lines, lines)),
        read_lines=lines,
    )
