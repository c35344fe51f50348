-- Where a new task goes in its column, computed inside the statement that creates it (ADR 0017).
-- tasks.create is one statement: it takes the project's counter row lock, then needs the column's
-- last key as committed by whoever held that lock before it. A statement's own snapshot is taken
-- before the lock wait, so that read is made by task_position_at_end, a VOLATILE function: in READ
-- COMMITTED each of its queries takes a fresh snapshot.

-- fractional_key_after(key): rocicorp's fractional-indexing generateKeyBetween(key, NULL) with its
-- default alphabets (integer heads A-Z and a-z, base-62 digits): the key's integer part plus one,
-- its fraction dropped ("a0" -> "a1", "az" -> "b00", "Zz" -> "a0", NULL -> "a0"). Tests compare
-- it with the library key by key (packages/api test/task-position-functions.test.ts).
CREATE FUNCTION fractional_key_after(key text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  heads constant text := 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  h int;
  int_length int;
  next_length int;
  d int;
  carried text := '';
BEGIN
  IF key IS NULL THEN
    RETURN 'a0';
  END IF;
  -- The head says how long the integer part is: "a" 2 characters, "b" 3 … "Z" 2, "Y" 3 … "A" 27.
  h := strpos(heads, left(key, 1));
  IF h = 0 THEN
    RAISE EXCEPTION 'invalid order key head: %', key;
  END IF;
  int_length := CASE WHEN h <= 26 THEN 28 - h ELSE h - 25 END;
  IF length(key) < int_length THEN
    RAISE EXCEPTION 'invalid order key: %', key;
  END IF;
  FOR i IN REVERSE int_length..2 LOOP
    d := strpos(digits, substr(key, i, 1));
    IF d = 0 THEN
      RAISE EXCEPTION 'invalid order key digit: %', key;
    ELSIF d < 62 THEN
      RETURN left(key, i - 1) || substr(digits, d + 1, 1) || carried;
    END IF;
    carried := '0' || carried;
  END LOOP;
  -- Every digit carried: the next head, whose integer part is one longer ("a"…"z") or shorter ("A"…"Z").
  IF h = 52 THEN
    -- Past "zzz…z" (62^26 appends to one column) the library appends a fraction instead.
    RAISE EXCEPTION 'no order key after %', key;
  END IF;
  next_length := CASE WHEN h + 1 <= 26 THEN 27 - h ELSE h - 24 END;
  RETURN substr(heads, h + 1, 1) || CASE
    WHEN next_length > int_length THEN carried || '0'
    WHEN next_length < int_length THEN substr(carried, 2)
    ELSE carried
  END;
END $$;

-- task_position_at_end(project, status, except_task): a key after every task of the column (archived
-- tasks included: they keep their place), `except_task` left out (a task moving within its project).
-- Call it holding the project's row lock (FOR NO KEY UPDATE, as the task counter's UPDATE takes),
-- which orders everyone who hands out positions in the project.
CREATE FUNCTION task_position_at_end(project uuid, status "TaskStatus", except_task uuid DEFAULT NULL) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RETURN fractional_key_after((
    SELECT t.position FROM tasks t
    WHERE t.project_id = project AND t.status = task_position_at_end.status
      AND (except_task IS NULL OR t.id <> except_task)
    ORDER BY t.position DESC LIMIT 1));
END $$;
