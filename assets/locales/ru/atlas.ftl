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
caption-shown = показано: { $shown } из { $total ->
    [one] { $total } органа
   *[other] { $total } органов
}
caption-view-empty = ; фрагмент: пустая часть схемы
caption-view-part = ; фрагмент: { $count } из них, в центре — { $name }
caption-apex-note-by = { $name } не подчиняется другому органу: создан решением — { $by }.
caption-apex-note = { $name } не подчиняется другому органу.
view-all = Все органы
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
