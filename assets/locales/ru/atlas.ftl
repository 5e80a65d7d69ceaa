# CSTO Atlas: интерфейс на русском языке. Ключи те же, что в en-US; формы множественного
# числа выбираются по правилам CLDR (one, few, many).

## Даты

month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
date-words = { $day } { $month } { $year } г.

## Количества

bodies-count = { $count ->
    [one] { $count } орган
    [few] { $count } органа
   *[many] { $count } органов
}

## Легенда и значки на схеме

legend-reports-to = подчиняется
legend-reports-through-hidden = подчиняется через скрытые органы
legend-relation-on-line = связь вдоль линии подчинения (цвет — вид связи)
legend-selected = выбран
legend-path = путь к вершине
legend-neighbour = смежный орган
legend-match = найден поиском
legend-citing = ссылается на выбранную статью
legend-added = создан в этот период
legend-uncertain = пунктир: выведено, не подтверждено или оспаривается
legend-undated = дата создания неизвестна
legend-ghost = светлее: дата создания неизвестна, мог ещё не существовать
legend-added-undated = под новым органом, своя дата неизвестна
legend-folded = свёрнуто: N органов ниже
badge-new = нов.
badge-new-maybe = нов.?
badge-undated = б.д.

## Подписи к рисункам и вид схемы словами

caption-source = Источник: CSTO Atlas, редакция от { $edition }
caption-source-checked = Источник: CSTO Atlas, редакция от { $edition }, источники проверены по { $checked }
caption-shown = показано: { $shown } из { $noun ->
    [entries] { $total ->
        [one] { $total } записи
       *[other] { $total } записей
    }
    [custom] { $total } ({ $word })
   *[bodies] { $total ->
        [one] { $total } органа
       *[other] { $total } органов
    }
}
caption-view-empty = ; фрагмент: пустая часть схемы
caption-view-part = ; фрагмент: { $count } из них, в центре — { $name }
caption-apex-note-by = { $name } не подчиняется другому органу; основание создания: { $by }.
caption-apex-note = { $name } не подчиняется другому органу.
caption-apex-many = { $count ->
    [one] { $count } орган не подчиняется
    [few] { $count } органа не подчиняются
   *[many] { $count } органов не подчиняются
} другому органу и стоят отдельно от вершины схемы.
view-all = { $noun ->
    [entries] Все записи
    [custom] Все ({ $word })
   *[bodies] Все органы
}
view-no-bodies = Ни одного органа
view-and = { $rest } и { $last }
view-neighbours = { $name } и смежные органы
view-within = { $name } и органы не далее { $count ->
    [one] { $count } шага
   *[other] { $count } шагов
} от него
view-as-of = { $view } по состоянию на { $date }
view-compare = , отмечены органы, созданные после { $date }
view-folded-to-apexes = , свёрнуто до вершин
view-levels-open = , открыто уровней ниже вершины: { $count }
view-folded = , свёрнуто органов: { $count }
view-relations-hidden = , скрыто видов связей: { $count }

## The menu bar

menu-file = Файл
menu-open = Открыть атлас…
menu-export = Экспорт…
menu-copy-image = Копировать изображение
menu-copy-image-hint = Вся схема, как на экране, в буфер обмена
menu-quit = Выход
menu-view = Вид
menu-help = Справка
menu-cite-view = Цитировать этот вид
menu-about = О программе CSTO Atlas
menu-about-hint = Версия, редакция данных и лицензия
menu-fit-all = Показать всё
menu-centre = К выбранному органу
menu-zoom-in = Приблизить
menu-zoom-out = Отдалить
menu-reset-view = Исходный вид
menu-go-to-date = Перейти к дате…
menu-go-to-date-hint = Введите дату, на которую показать организацию
menu-left-to-right = Слева направо
menu-overview = Обзор
menu-overview-hint = Вся схема в уменьшенном виде в углу: щёлкните или перетащите, чтобы перейти
menu-fold = Свёртывание
menu-fold-selection = Свернуть или развернуть выбранный орган
menu-expand-all = Развернуть всё
menu-only-apexes = Только вершины
menu-showcase = Витрина: приглушать отфильтрованные органы
menu-relations = Связи
menu-names = Язык
menu-cite-style = Стиль цитирования
menu-cite-style-hint = ГОСТ Р 7.0.5-2008 для русского языка, иначе APA
menu-theme = Тема
menu-theme-system = Как в системе
menu-theme-light = Светлая
menu-theme-dark = Тёмная
menu-cite-view-hint = Скопировать ссылку на этот вид и командную строку, которая его откроет, — для рисунка в статье
menu-expand-to = Развернуть до уровня { $level }
menu-cite-style-default = По языку ({ $style })
help-keys = Мышь: перетаскивание — сдвиг, колесо — масштаб, щелчок по органу — сведения о нём.
    { $fit } показать всё · { $centre } к выбранному · { $zoom_in } { $zoom_out } масштаб · { $reset } исходный вид · { $orientation } ориентация
    Стрелки: ближайший блок в этом направлении · Enter — в центр · Пробел — свернуть · { $clear } очистить поиск,
    затем выбор · Tab переходит между элементами панелей и схемой
    { $search } поиск (↓ ↑ по результатам) · { $date } перейти к дате · { $export } экспорт · { $copy } копировать изображение · { $open } открыть

## Левая панель и заголовок

tab-outline = Список
tab-filters = Фильтры
tab-articles = Статьи
tab-members = Государства
search-hint = Поиск органов ({ $key })
search-no-match = Ничего не найдено
search-under = { " " }· подчинён: { $parent }
search-at-top = { " " }· высший уровень
search-matched-in = { " " }· найдено в поле «{ $field }»
field-name = название
field-short = сокращение
field-alias = другое название
field-mandate = полномочия
field-composition = состав
undated-hidden = { $count ->
    [one] скрыт { $count } орган с неизвестной датой
    [few] скрыто { $count } органа с неизвестной датой
   *[many] скрыто { $count } органов с неизвестной датой
}
header-shown = показано { $shown } из { $total }
header-clear-filters = Сбросить фильтры
header-clear-filters-hint = Снова показать все органы
header-article-hint = Перестать выделять органы, ссылающиеся на эту статью
header-currency = редакция { $edition }
header-currency-checked = редакция { $edition } · источники проверены по { $checked }
header-currency-hint = Редакция — дата, которую описывают данные; источники прочитаны по вторую дату
header-status-hint = Файл атласа отслеживается: после сохранения схема перезагружается

## Статусы сведений

status-verified = подтверждено
status-reference = справочный текст
status-inferred = выведено
status-unverified = не подтверждено

## Боковая панель

details-mandate = Полномочия
details-composition = Состав
details-chair = Председательство
details-established = Создан
details-seat = Местонахождение
details-disputed = Спорные сведения
details-notes = Примечания
details-events = События
details-events-after = События после { $date }
details-sources = Источники
details-holders = Должностные лица
details-holder-on = На { $date }: { $holder }
details-all-holders = Все по порядку ({ $count })
details-no-name = В прочитанных источниках нет названия на выбранном языке
details-kind-status-hint = Насколько достоверна категория
details-also = Также: { $names }
details-focus = Фокус
details-focus-hint = Показать только этот орган и смежные
details-centre = В центр (C)
details-close = Закрыть (Esc)
details-legal-basis = Правовая основа
details-article-hint = Показать на вкладке статей
details-note = Примечание: { $note }
details-note-heading = Примечание
details-relations = Связи
details-sits-under = Подчиняется
details-over = Руководит
details-later = Позже (ещё не созданы на { $date })
details-founding-unknown = дата создания неизвестна
details-set-up-on = создан { $date }
details-relation-hint = Подробнее об этой связи
details-this-body-start = Этот орган
# Падеж «этого органа» после названия связи (по её идентификатору).
details-this-body = { $kind ->
    [accountable_to] этому органу
    [administers] этим органом
    [created_by_decision_of] этого органа
    [prepares_proposals_for] этого органа
    [works_with] этим органом
   *[other] этот орган
}
# После названия связи имя другого органа стоит в именительном падеже: отделяем двоеточием.
details-relation-to = { $kind }:
details-relation-heading = Связь: { $kind }

## Источники в боковой панели

cite-key-hint = Щёлкните, чтобы перейти к нему в списке источников
cite-style-hint = Стиль цитирования: Вид → Стиль цитирования
cite-copy-all = Копировать все
cite-copy-all-hint = Скопировать все источники этого списка, оформленные, в буфер обмена
cite-copied-sources = { $count ->
    [one] { $count } источник
    [few] { $count } источника
   *[many] { $count } источников
}
cite-number-hint = { $kind }; в файле атласа — источник «{ $id }»
cite-link = ссылка
cite-copy-citation = Копировать ссылку на источник
cite-copied-citation = ссылка на источник
cite-copy-link = Копировать адрес
cite-copied-link = адрес
cite-open-link = Открыть адрес
cite-no-link = Адреса нет: см., где его найти
copied = Скопировано: { $what }
source-kind-official_text = официальный текст
source-kind-official_site = официальный сайт
source-kind-reference_text = справочный текст
source-kind-news = новости
source-kind-scholarship = научная работа
source-kind-other = другое

## Сообщения окна

notice-export-failed = Экспорт не удался: { $error }
status-citation-copied = Ссылка скопирована: { $citation }
status-chart-copied = Схема скопирована в буфер обмена, { $width } × { $height } пикс.
notice-copy-failed = Не удалось скопировать изображение: { $error }
status-reloaded = Перезагружено: { $origin } ({ $noun ->
    [entries] { $count ->
        [one] { $count } запись
        [few] { $count } записи
       *[many] { $count } записей
    }
    [custom] { $count } ({ $word })
   *[bodies] { $count ->
        [one] { $count } орган
        [few] { $count } органа
       *[many] { $count } органов
    }
})
status-opened = Открыто: { $origin } ({ $noun ->
    [entries] { $count ->
        [one] { $count } запись
        [few] { $count } записи
       *[many] { $count } записей
    }
    [custom] { $count } ({ $word })
   *[bodies] { $count ->
        [one] { $count } орган
        [few] { $count } органа
       *[many] { $count } органов
    }
})
notice-could-not-reload = Не удалось перезагрузить атлас; на экране остаётся прежний.

    { $error }
notice-could-not-open = Не удалось открыть атлас; на экране остаётся прежний.

    { $error }
notice-downloaded = Загружено: { $path } ({ $bytes } байт)
notice-wrote = Записано: { $path } ({ $bytes } байт)

## Государства-члены

members-heading-members = Государства-члены
members-heading-signatories = Подписавшие Договор
members-heading-parties = Участники Договора
members-heading-mixed = Участники и подписавшие Договор
members-on = { $heading } на { $date }:
members-compare = Государства-члены, { $from } → { $to }:
members-no-change = без изменений
members-party-hint = Участник Договора о коллективной безопасности
members-signatory-hint = Подписал Договор, ещё не вступивший в силу
members-still-member-hint = Юридически остаётся членом
legend-kind-hint = Щелчок: приглушить другие виды; ещё раз — скрыть их; ещё раз — показать все
state-signatory = подписал Договор
state-treaty_party = участник Договора
state-member = член
state-frozen = участие заморожено
state-suspended = членство приостановлено
change-unchanged = без изменений
change-joined = вступило
change-signed = подписало Договор
change-in-force = стало участником вступившего в силу Договора
change-became-member = стало членом Организации
change-signed-again = вновь подписало Договор
change-joined-treaty = присоединилось к Договору
change-joined-frozen = вступило и заморозило участие
change-joined-suspended = вступило, членство приостановлено
change-left = вышло
change-froze = заморозило участие
change-suspended = членство приостановлено
change-resumed = возобновило полноправное членство
change-party-again = вновь стало участником Договора

## The filters tab

filters-body-types = Виды органов
filters-showcase = Витрина: приглушать, а не скрывать
filters-showcase-hint = Отфильтрованные органы остаются на месте, приглушёнными; ничего не сдвигается
filters-relations = Связи
filters-show = Показать:
filters-relations-hint = Какие связи рисовать, кроме линий подчинения
filters-time = Время
filters-as-of-date = На дату
filters-pause = ⏸ Пауза
filters-play = ▶ Воспроизвести
filters-play-hint = Пройти по годам
filters-repack = Уплотнить
filters-date-unknown = Дата неизвестна:
filters-date-unknown-hint = Органы без даты в источниках могли ещё не существовать на эту дату
filters-lighter = Светлее
filters-lighter-hint = Светлее, пунктиром: мог ещё не существовать
filters-show-undated = Показать
filters-show-undated-hint = Как любой другой орган, со значком «б.д.»
filters-hide = Скрыть
filters-hide-hint = Не показаны; в заголовке сказано, сколько
filters-compare = Сравнить с более ранней датой
filters-compare-hint = Отметить органы, созданные с тех пор, и перечислить изменения в составе
filters-focus = Фокус
filters-narrow = Сузить
filters-widen = Расширить
filters-clear-focus = Снять фокус
filters-repack-hint = Размещать только органы, показанные на эту дату, — плотнее. Выкл.: каждый орган на своём месте, и схема растёт на месте по мере смены даты.
filters-as-of = На дату
filters-compare-with = Сравнить с
filters-new-since = Созданные после { $date } отмечены «нов.»
filters-focus-how = Выберите орган, затем «Фокус» в его панели.
filters-around = Вокруг: { $name }
filters-steps = { $count ->
    [one] { $count } шаг
    [few] { $count } шага
   *[many] { $count } шагов
}
relations-none = Нет
relations-selected = Выбранного органа
relations-all = Все

## The outline

outline-by-kind = По видам
outline-by-kind-hint = Органы под заголовками по видам
outline-hierarchy = Иерархия
outline-hierarchy-hint = Каждый орган под тем, кому подчиняется
outline-close-group = Свернуть группу
outline-open-group = Развернуть группу
outline-close-row = Свернуть: скрыть здесь подчинённые органы
outline-open-row = Развернуть: перечислить подчинённые органы
outline-unfold-row = Развернуть на схеме и перечислить подчинённые органы

## About

about-title = О программе CSTO Atlas
about-atlas = Атлас
about-edition = Редакция данных
about-checked = Источники проверены по
about-not-stated = не указано
about-file = Файл
about-licence = Лицензия
about-close = Закрыть

## Notices

notice-exporting = Экспорт
notice-writing = Запись файла…
notice-opening = Открытие
notice-reading = Чтение и проверка { $file }…
notice-problem = Ошибка
notice-done = Готово
notice-ok = ОК
notice-open-folder = Открыть папку
notice-open-folder-hint = Показать файл в файловом менеджере
notice-copy-path = Копировать путь
notice-copy-path-hint = Поместить полный путь к файлу в буфер обмена
about-description = Интерактивная организационная схема Организации Договора о коллективной безопасности
articles-in-force = ; вступил в силу { $date }
articles-signed = Подписан { $date }{ $place }{ $in_force }
members-today = по сей день

## Выбор даты

date-hint = ДД.ММ.ГГГГ
date-field-hint = { $label }: введите дату (ДД.ММ.ГГГГ, ГГГГ-ММ-ДД или год) и нажмите Enter; Esc вернёт показанную дату
date-not-a-date = «{ $text }» — не дата: введите ДД.ММ.ГГГГ
date-out-of-range = Атлас охватывает период с { $start } по { $end }
date-slider-hint = { $label }: перетащите или ←/→ на день, PgUp/PgDn на год
date-step-none = нет
date-step-next = Следующее изменение: { $date }
date-step-previous = Предыдущее изменение: { $date }

## The export dialog

export-title = Экспорт
export-format = Формат
export-scale = Масштаб
export-area = Область
export-whole = Вся схема
export-view = Текущий вид
export-view-hint = Органы в поле зрения целиком: рамка расширяется до блоков, которые она режет
export-include = Включить
export-legend = Легенду и подпись
export-highlights = Выделения
export-theme = Тема
export-light = Светлая
export-dark = Тёмная
export-background = Фон
export-transparent = Прозрачный
export-outlines = Контурами
export-paper = Бумага
export-page = Страница
export-by-shape = По форме схемы
export-portrait = Книжная
export-landscape = Альбомная
export-file = Файл
export-choose = Выбрать…

## The open dialog

open-title = Открыть атлас
open-browse = Обзор…
open-filter-any = Атлас или таблица
open-filter-atlas = Атлас
open-filter-csv = Таблица (XLSX, ODS, CSV, TSV, JSON)
open-open = Открыть
open-cancel = Отмена
open-choose = Выбрать файл…
export-highlights-hint = Выбранный орган, смежные органы и путь к вершине, результаты поиска — как на экране (выкл.: рисунок показывает только то, что говорят данные)
export-light-hint = Белая бумага, для печати и слайдов (по умолчанию)
export-transparent-hint = Без фона за схемой (PNG и SVG)
export-text = Текст
export-outlines-hint = SVG: названия нарисованы контурами, одинаково в любой программе, даже без шрифта Ubuntu (невидимая копия текста остаётся доступной для выделения и поиска). Если выключено: текст шрифтом Ubuntu, компактнее и редактируется, но там, где этого шрифта нет, он шире
export-choose-hint = Выбрать папку и имя в системном окне выбора файла
export-no-chooser = На этом рабочем столе нельзя показать окно выбора файла (нужен XDG desktop portal или zenity). Введите полный путь в поле «Файл».
open-what = Файл атласа (.ron) в формате встроенного или ваша собственная схема: таблица (.csv, .tsv, .txt) или JSON со столбцами идентификатора, названия и, как правило, вышестоящего органа — как бы они ни назывались.
open-what-web = Файл атласа (.ron) в формате встроенного или ваша собственная схема: таблица (.csv, .tsv, .txt) или JSON со столбцами идентификатора, названия и, как правило, вышестоящего органа — как бы они ни назывались. С этого компьютера.
open-path-hint = путь/к/atlas.ron или .csv

## Подсказки схемы

hover-no-source = без источника
hover-sources = источники: { $outlets }
hover-no-parent-by = Не подчиняется другому органу; основание создания: { $by }.
hover-no-parent = Не подчиняется другому органу.
chart-empty = Ни один орган не подходит под фильтры
minimap-hint = Обзор: щёлкните или перетащите, чтобы сдвинуть вид
about-honesty = У каждого факта в атласе есть источники и статус; неподтверждённые сведения так и показаны, а не как факт.
notice-folder-failed = Не удалось открыть папку { $path }: { $error }

## show, текстом

text-kind = Вид
text-events-after = События после { $date }
text-where = Где найти
established-undated = Дата не установлена
established-by = ; основание: { $by }
established-in = ; место: { $place }
details-fields = Другие столбцы
caption-source-file = Источник: { $file }, прочитан { $date }
chart-name = Схема
export-paper-fit = По размеру схемы
export-sheets = Листы
export-as-poster = Плакатом
export-as-poster-hint = Разбить схему на столько листов выбранной бумаги, сколько нужно, чтобы названия печатались кеглем 8 пт; каждый лист повторяет 10 мм краёв соседних для склейки, с метками обреза и своим обозначением (B2); первая страница показывает всю схему с сеткой листов.
export-small-print = Кегль названий { $pt } пт — слишком мелко
export-small-print-hint = Мельче 6 пт название на бумаге не прочесть. Выберите «Плакатом», чтобы разбить схему на несколько листов с кеглем 8 пт, «Книгой» — схема и страницы органов, или бумагу большего формата.
format-png = Изображение PNG
format-svg = Векторное изображение SVG
format-pdf = Документ PDF
format-dot = Graphviz DOT
format-json = Данные JSON
format-graphml = GraphML (yEd, Gephi, Cytoscape)
cite-view-selected = , выбран орган: { $name }
cite-view-edition = редакция { $edition }
cite-view-edition-checked = редакция { $edition }, источники проверены по { $checked }
about-embedded = assets/csto.ron (встроен в программу)
details-translated = Описания — перевод редакции с английского текста атласа; источники приведены так, как они опубликованы.
legend-other-kinds = { $count ->
    [one] ещё { $count } вид
    [few] ещё { $count } вида
   *[many] ещё { $count } видов
}
menu-import-settings = Параметры импорта…
menu-import-settings-hint = Как читается открытая таблица: какой столбец — идентификатор, вышестоящий, название, вид…
menu-import-settings-none = Открытый атлас — не таблица
import-title = Импорт: { $file }
import-what = Какой столбец что означает. «Открыть» прочтёт таблицу так, и в следующий раз этот файл откроется так же.
import-sheet = Лист
import-column = Столбец
import-role = Роль
import-sample = Первые значения
import-role-id = Идентификатор
import-role-parent = Вышестоящий
import-role-name = Название
import-role-label2 = Вторая строка
import-role-kind = Вид (цвет)
import-role-date = Дата
import-role-field = Поле
import-role-ignore = Не читать
import-open = Открыть
import-cancel = Отмена
import-as-args = В командной строке: { $args }
import-no-problems = При таком чтении ошибок в таблице нет.
import-problems = { $count ->
    [one] { $count } ошибка при таком чтении:
    [few] { $count } ошибки при таком чтении:
   *[many] { $count } ошибок при таком чтении:
}
import-problem = строка { $line }: { $message }
drop-to-open = Отпустите, чтобы открыть { $file }
book-contents = Содержание
book-chart = Схема
book-chart-small = В таком масштабе названия печатаются мельче 6 пт, а схема слишком велика, чтобы повторить её здесь по частям: напечатайте её плакатом (export --page a4 --tiles auto или «Плакатом» в окне экспорта).
book-chart-sheets = В таком масштабе названия печатаются мельче 6 пт: на следующих страницах схема дана кеглем 8 пт, по частям (A1 — левая верхняя, B1 — правее, A2 — ниже).
book-chart-sheet = Схема, часть
book-bodies = Органы
book-documents = Документы и их статьи
book-members = Государства-члены
book-events = События
book-bibliography = Список источников
book-edition = Редакция
book-checked = Источники проверены по
book-printed = Напечатано
book-view = Вид
book-kind = Вид органа
book-parent = Подчиняется
book-subordinates = Руководит
book-other-names = Другие названия
book-citing = Ссылаются
book-page = Страница
book-made-with = Подготовлено в CSTO Atlas, свёрстано typst. У каждого факта указаны статус и источники, пронумерованные в списке источников.
export-book = Книга
export-as-book = Книгой
export-as-book-hint = PDF: титульный лист, содержание, схема (каждый блок — ссылка), раздел о каждом органе с фактами и источниками, документы, государства-члены, события и список источников (A4 или US Letter)
export-as-book-web = Книгу делает настольное приложение (Файл → Экспорт или csto-atlas export --book): наборщик и шрифты добавили бы к этой странице более 6 МБ.
export-as-book-pdf-only = Книга — это PDF: выберите PDF выше.
