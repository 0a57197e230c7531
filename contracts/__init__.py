"""Contracts as data: every raw, ops, mart and BI table and column defined once.

    contracts/raw.yml         the raw layer ingest writes (schemas stage, raw, quarantine)
    contracts/ops.yml         pipeline bookkeeping (schema ops)
    contracts/columns.yml     columns shared by several mart tables (one description, one type)
    contracts/marts/<t>.yml   one file per mart table (dbt model marts.<t>)
    contracts/bi/<m>.yml      one file per BI model (dbt model <m>, published as bi.<alias>)
    contracts/provenance.yml  the provenance models (views of raw tables, schema provenance)

`python -m contracts.generate` (``make contracts``) writes from them the files listed in
`contracts.generate.OUTPUTS`; tests/test_contracts.py fails when one is stale. The contracts
are read only by the generator: the code imports the generated modules.
"""
