"""Site furniture: the words news pages wrap around an article.

Scraping a page to plain text keeps the page's widgets (print, share, font
size), counters (views, shares), "read also" links and link footers. These
patterns name them; :mod:`marsad.io.clean` decides when a line is nothing
but furniture. Lists written from the page chrome of Arabic news sites
(general knowledge), kept as data so they can grow without touching logic.
"""

from __future__ import annotations

import re

# Widget labels that stand alone (or with a counter) on a scraped page.
WIDGETS = (
    "طباعة", "اطبع", "إطبع", "طبع", "أرسل لصديق", "ارسل لصديق", "إرسال لصديق",
    "أرسل", "ارسل", "إرسال", "حفظ", "مشاركة", "شارك", "شارك الخبر", "مشاركة الخبر",
    "تغريد", "غرد", "تويتر", "فيسبوك", "فيس بوك", "واتساب", "واتس اب", "واتس آب",
    "تيليجرام", "تلغرام", "تليجرام", "لينكد إن", "بريد إلكتروني", "البريد الإلكتروني",
    "نسخ الرابط", "تكبير الخط", "تصغير الخط", "حجم الخط", "تعليق", "تعليقات",
    "التعليقات", "أضف تعليق", "اضف تعليق", "إعجاب", "مشاهدة", "مشاهدات",
    "قراءة", "قراءات", "عدد القراءات", "عدد المشاهدات", "المشاهدات", "زيارة",
    "إعلان", "اعلان", "إنستغرام", "انستغرام", "انستجرام", "إنستجرام", "يوتيوب",
    "سناب شات", "ماسنجر", "أضف للمفضلة", "المفضلة", "نسخ", "تم النسخ", "استمع",
    # connectives of "شارك على فيسبوك" / "عبر واتساب": furniture only beside a widget
    "على", "عبر",
    "A+", "A-", "A", "+", "-", "|", "Print", "Share", "Email", "Tweet",
    "Facebook", "Twitter", "WhatsApp", "Telegram", "Instagram", "YouTube", "Advertisement",
)

# Lead-ins whose whole line is furniture, whatever follows them.
LEAD_INS = (
    "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "اقرأ ايضاً", "اقرأ المزيد", "إقرأ أيضا",
    "إقرأ أيضاً", "للمزيد", "مواضيع ذات صلة", "أخبار ذات صلة", "اخبار ذات صلة",
    "الأكثر قراءة", "الاكثر قراءة", "تابعونا على", "تابعنا على", "اشترك في",
    "اشترك الآن", "الرابط المختصر", "رابط مختصر", "رابط الخبر", "المصدر:", "المصدر :",
    "مصدر الصورة", "حقوق الصورة", "صورة أرشيفية", "صورة من الأرشيف", "الصورة:",
    "تصوير:", "صورة:", "الكلمات المفتاحية", "كلمات مفتاحية", "كلمات دلالية", "الوسوم",
    "وسوم:", "مواضيع متعلقة", "قد يعجبك أيضا", "قد يعجبك أيضاً", "قد يهمك", "شاهد أيضا",
    "شاهد أيضاً", "طالع أيضا", "طالع أيضاً", "حمل تطبيق", "حمّل تطبيق", "Read more", "Related",
)

# A byline in the page header: "بقلم محمد علي", "كتب - سامي حسن", "إعداد: ...".
BYLINE = re.compile(
    r"^(?:بقلم\s*[:\-–—]?|(?:كتب|كتبت|إعداد|اعداد|تحرير|متابعة|المحرر)\s*[:\-–—])\s*(?P<name>\S.*)$"
)
# A relative timestamp as sites show it: "منذ 3 ساعات", "قبل يومين".
RELATIVE_TIME = re.compile(
    r"^(?:منذ|قبل)\s+(?:[0-9٠-٩]+\s*)?(?:دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|"
    r"اسبوع|أسبوع|أسبوعين|أسابيع)$"
)

# A breadcrumb trail: "الرئيسية > أخبار > سوريا" (at least two separators).
BREADCRUMB = re.compile(r"^(?:الرئيسية|الصفحة الرئيسية|Home)\s*[>»›/|]\s*\S.*[>»›/|]")

# A footer glued to the end of the last paragraph: "رابط الخبر بصحيفة ...: <headline>".
TRAILING_FOOTER = re.compile(
    r"\s*(?:رابط الخبر|الرابط المختصر|رابط مختصر|رابط دائم)[^\n.!؟]{0,200}$"
)

_alt = "|".join(re.escape(w) for w in sorted(WIDGETS, key=len, reverse=True))
# One widget label possibly carrying its counter ("شارك8868", "1,203 مشاهدة").
WIDGET_TOKEN = re.compile(
    rf"(?:[0-9٠-٩][0-9٠-٩,.]*\s*)?(?:{_alt})(?:\s*[(:]?\s*[0-9٠-٩][0-9٠-٩,.]*\)?)?"
    r"(?![\u0600-\u06FF\w])"
)
# A counter glued to the very end of the text ("...ذلك.شارك8868", "... شارك").
TRAILING_COUNTER = re.compile(
    r"(?:(?<=[.!؟?»\"'\)\]\s])|^)(?:شارك|مشاركة|طباعة|تعليقات?|إعجاب|مشاهدات?)\s*[0-9٠-٩,]*\s*$"
    r"|(?:شارك|مشاركة|طباعة|تعليقات?|إعجاب|مشاهدات?)[0-9٠-٩][0-9٠-٩,]*\s*$"
)
LEAD_IN = re.compile(
    "^(?:" + "|".join(re.escape(w) for w in sorted(LEAD_INS, key=len, reverse=True)) + ")"
)
