WITH `segc#c` AS (SELECT *, monotonically_increasing_id() AS `segc#row` FROM `customers`),
`segc#e0` AS (SELECT *, monotonically_increasing_id() AS `segc#row` FROM `purchases`),
`segc#g0` AS (SELECT `id` AS `segc#key`,
    min(`amount`) FILTER (WHERE (`amount`) IS NOT NULL) AS `segc#a0`,
    max(`amount`) FILTER (WHERE (`amount`) IS NOT NULL) AS `segc#a1`,
    sum(CAST(`amount` AS DOUBLE)) FILTER (WHERE (`amount`) IS NOT NULL) AS `segc#a2`,
    count(*) FILTER (WHERE (`amount`) IS NOT NULL) AS `segc#n2`,
    min_by(`amount`, struct(`date`, `segc#row`)) FILTER (WHERE (`amount`) IS NOT NULL AND (`date`) IS NOT NULL) AS `segc#a3`,
    max_by(`amount`, struct(`date`, `segc#row`)) FILTER (WHERE (`amount`) IS NOT NULL AND (`date`) IS NOT NULL) AS `segc#a4`,
    max_by(`date`, struct(`date`, `segc#row`)) FILTER (WHERE (`date`) IS NOT NULL) AS `segc#a5`,
    min_by(`date`, struct(`date`, `segc#row`)) FILTER (WHERE (`date`) IS NOT NULL) AS `segc#a6`,
    count(DISTINCT `code`) FILTER (WHERE ((`code` <> 'b')) AND (`code`) IS NOT NULL) AS `segc#a7`
  FROM `segc#e0` WHERE `id` IS NOT NULL GROUP BY `id`),
`segc#t` AS (SELECT `segc#c`.*,
    `segc#g0`.`segc#a0` AS `segc#a0`,
    `segc#g0`.`segc#a1` AS `segc#a1`,
    CASE WHEN (CASE WHEN CAST(`segc#g0`.`segc#n2` AS DOUBLE) = 0 THEN NULL WHEN `segc#g0`.`segc#a2` = 0 THEN `segc#g0`.`segc#a2` / CAST(`segc#g0`.`segc#n2` AS DOUBLE) WHEN abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) < 1 AND abs(`segc#g0`.`segc#a2`) > abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) * CAST('1.7976931348623157e+308' AS DOUBLE) THEN NULL WHEN abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) > 1 AND abs(`segc#g0`.`segc#a2`) < 1 AND abs(`segc#g0`.`segc#a2` * CAST('4.4989137945431964e+161' AS DOUBLE)) * 2 <= abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE) * CAST('2.2227587494850775e-162' AS DOUBLE)) THEN (0 * `segc#g0`.`segc#a2`) / CAST(`segc#g0`.`segc#n2` AS DOUBLE) ELSE `segc#g0`.`segc#a2` / CAST(`segc#g0`.`segc#n2` AS DOUBLE) END) BETWEEN CAST('-1.7976931348623157e+308' AS DOUBLE) AND CAST('1.7976931348623157e+308' AS DOUBLE) THEN (CASE WHEN CAST(`segc#g0`.`segc#n2` AS DOUBLE) = 0 THEN NULL WHEN `segc#g0`.`segc#a2` = 0 THEN `segc#g0`.`segc#a2` / CAST(`segc#g0`.`segc#n2` AS DOUBLE) WHEN abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) < 1 AND abs(`segc#g0`.`segc#a2`) > abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) * CAST('1.7976931348623157e+308' AS DOUBLE) THEN NULL WHEN abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) > 1 AND abs(`segc#g0`.`segc#a2`) < 1 AND abs(`segc#g0`.`segc#a2` * CAST('4.4989137945431964e+161' AS DOUBLE)) * 2 <= abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE) * CAST('2.2227587494850775e-162' AS DOUBLE)) THEN (0 * `segc#g0`.`segc#a2`) / CAST(`segc#g0`.`segc#n2` AS DOUBLE) ELSE `segc#g0`.`segc#a2` / CAST(`segc#g0`.`segc#n2` AS DOUBLE) END) END AS `segc#a2`,
    CASE WHEN (CASE WHEN CAST(`segc#g0`.`segc#n2` AS DOUBLE) = 0 THEN NULL WHEN `segc#g0`.`segc#a2` = 0 THEN `segc#g0`.`segc#a2` / CAST(`segc#g0`.`segc#n2` AS DOUBLE) WHEN abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) < 1 AND abs(`segc#g0`.`segc#a2`) > abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) * CAST('1.7976931348623157e+308' AS DOUBLE) THEN NULL WHEN abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) > 1 AND abs(`segc#g0`.`segc#a2`) < 1 AND abs(`segc#g0`.`segc#a2` * CAST('4.4989137945431964e+161' AS DOUBLE)) * 2 <= abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE) * CAST('2.2227587494850775e-162' AS DOUBLE)) THEN (0 * `segc#g0`.`segc#a2`) / CAST(`segc#g0`.`segc#n2` AS DOUBLE) ELSE `segc#g0`.`segc#a2` / CAST(`segc#g0`.`segc#n2` AS DOUBLE) END) IS NOT NULL AND NOT ((CASE WHEN CAST(`segc#g0`.`segc#n2` AS DOUBLE) = 0 THEN NULL WHEN `segc#g0`.`segc#a2` = 0 THEN `segc#g0`.`segc#a2` / CAST(`segc#g0`.`segc#n2` AS DOUBLE) WHEN abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) < 1 AND abs(`segc#g0`.`segc#a2`) > abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) * CAST('1.7976931348623157e+308' AS DOUBLE) THEN NULL WHEN abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE)) > 1 AND abs(`segc#g0`.`segc#a2`) < 1 AND abs(`segc#g0`.`segc#a2` * CAST('4.4989137945431964e+161' AS DOUBLE)) * 2 <= abs(CAST(`segc#g0`.`segc#n2` AS DOUBLE) * CAST('2.2227587494850775e-162' AS DOUBLE)) THEN (0 * `segc#g0`.`segc#a2`) / CAST(`segc#g0`.`segc#n2` AS DOUBLE) ELSE `segc#g0`.`segc#a2` / CAST(`segc#g0`.`segc#n2` AS DOUBLE) END) BETWEEN CAST('-1.7976931348623157e+308' AS DOUBLE) AND CAST('1.7976931348623157e+308' AS DOUBLE)) THEN 1 ELSE 0 END AS `segc#x2`,
    `segc#g0`.`segc#a3` AS `segc#a3`,
    `segc#g0`.`segc#a4` AS `segc#a4`,
    `segc#g0`.`segc#a5` AS `segc#a5`,
    `segc#g0`.`segc#a6` AS `segc#a6`,
    COALESCE(`segc#g0`.`segc#a7`, CAST(0 AS BIGINT)) AS `segc#a7`
  FROM `segc#c`
  LEFT JOIN `segc#g0` ON `segc#c`.`id` = `segc#g0`.`segc#key`),
`segc#r0` AS (SELECT *,
    CAST(datediff(DATE '2026-03-01', `segc#a5`) AS BIGINT) AS `segc#13`,
    CAST(datediff(DATE '2026-03-01', `segc#a6`) AS BIGINT) AS `segc#16`
  FROM `segc#t`)
SELECT `id`,
  CAST(`segc#a0` AS DOUBLE) AS `low`,
  CAST(`segc#a1` AS DOUBLE) AS `high`,
  `segc#a2` AS `mean_amount`,
  CAST(`segc#a3` AS DOUBLE) AS `first_amount`,
  CAST(`segc#a4` AS DOUBLE) AS `last_amount`,
  CAST(`segc#13` AS DOUBLE) AS `since_last`,
  CAST(`segc#16` AS DOUBLE) AS `since_first`,
  CAST(`segc#a7` AS DOUBLE) AS `codes`,
  COALESCE((`segc#a4` > `segc#a3`), FALSE) AS `Grew`,
  COALESCE((`segc#a5` > CASE WHEN CAST(CAST(datediff(DATE '2026-03-01', DATE '1970-01-01') AS BIGINT) AS DECIMAL(38, 0)) - CAST(CAST(30 AS BIGINT) AS DECIMAL(38, 0)) BETWEEN -2147483648 AND 2147483647 THEN date_add(DATE '1970-01-01', CAST(CAST(CAST(datediff(DATE '2026-03-01', DATE '1970-01-01') AS BIGINT) AS DECIMAL(38, 0)) - CAST(CAST(30 AS BIGINT) AS DECIMAL(38, 0)) AS INT)) END), FALSE) AS `Active_30d`,
  CAST(`segc#x2` AS BIGINT) AS `segc_overflows`
FROM `segc#r0`
ORDER BY `id`;
