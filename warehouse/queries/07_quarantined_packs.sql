-- Which pack files were not loaded, and why?
SELECT file_name, status, message, updated_at
FROM provenance.pack_files
ORDER BY status <> 'promoted' DESC, file_name;
