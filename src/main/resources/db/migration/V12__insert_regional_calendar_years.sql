-- The regions whose policy models differ (Beijing-style 110000, Shanghai-style 310000) have their own calendar
-- entries so that deadlines of their cases name their calendar. Neither declares local holidays beyond the State
-- Council's notice, so their years hold no extra days: the national days apply there as everywhere. A region's
-- administrator enters real extras (e.g. an ethnic autonomous region's festival) through the calendar entry page.
INSERT INTO calendar_year (region, year, notice, published_at, published_by)
VALUES
    ('110000', 2020, '北京市2020年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2019-12-31 00:00:00+08', 'Tongxin'),
    ('110000', 2021, '北京市2021年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2020-12-31 00:00:00+08', 'Tongxin'),
    ('110000', 2022, '北京市2022年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2021-12-31 00:00:00+08', 'Tongxin'),
    ('110000', 2023, '北京市2023年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2022-12-31 00:00:00+08', 'Tongxin'),
    ('110000', 2024, '北京市2024年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2023-12-31 00:00:00+08', 'Tongxin'),
    ('110000', 2025, '北京市2025年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2024-12-31 00:00:00+08', 'Tongxin'),
    ('110000', 2026, '北京市2026年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2025-12-31 00:00:00+08', 'Tongxin'),
    ('310000', 2020, '上海市2020年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2019-12-31 00:00:00+08', 'Tongxin'),
    ('310000', 2021, '上海市2021年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2020-12-31 00:00:00+08', 'Tongxin'),
    ('310000', 2022, '上海市2022年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2021-12-31 00:00:00+08', 'Tongxin'),
    ('310000', 2023, '上海市2023年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2022-12-31 00:00:00+08', 'Tongxin'),
    ('310000', 2024, '上海市2024年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2023-12-31 00:00:00+08', 'Tongxin'),
    ('310000', 2025, '上海市2025年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2024-12-31 00:00:00+08', 'Tongxin'),
    ('310000', 2026, '上海市2026年：无地方性节假日增补，执行国务院办公厅当年节假日安排通知', TIMESTAMPTZ '2025-12-31 00:00:00+08', 'Tongxin');
