namespace MentorFunctions.Core.Languages.Texts;

/// <summary>The answers to chat commands (MentorCommandHandler), in the sender's language.</summary>
public static class CommandTexts
{
    /// <summary>The answer to a command Zulip re-sent while its first call still runs (ReplayGuardedCommandHandler).</summary>
    public static readonly LocalText StillRunning = new(
        en: "I'm still working on that message; I won't do it twice. Write `status` in a moment to see the result.",
        es: "Todavía estoy con ese mensaje; no lo haré dos veces. Escribe `status` dentro de un momento para ver el resultado.",
        pt: "Ainda estou cuidando dessa mensagem; não vou fazer isso duas vezes. Escreva `status` daqui a pouco para ver o resultado.",
        fr: "Je traite encore ce message ; je ne le ferai pas deux fois. Écrivez `status` dans un instant pour voir le résultat.",
        de: "Ich bin noch mit dieser Nachricht beschäftigt und erledige sie nicht zweimal. Schreib gleich `status`, um das Ergebnis zu sehen.");

    public static readonly LocalText ForgetCancelled = new(
        en: "Cancelled: I keep your data as it is.",
        es: "Cancelado: conservo tus datos tal como están.",
        pt: "Cancelado: mantenho seus dados como estão.",
        fr: "Annulé : je garde vos données telles quelles.",
        de: "Abgebrochen: Deine Daten bleiben, wie sie sind.");

    public static readonly LocalText ForgetNothingToCancel = new(
        en: "There was no pending `forget` request to cancel.",
        es: "No había ninguna solicitud de `forget` pendiente que cancelar.",
        pt: "Não havia nenhum pedido de `forget` pendente para cancelar.",
        fr: "Il n'y avait aucune demande `forget` en attente à annuler.",
        de: "Es gab keine offene `forget`-Anfrage zum Abbrechen.");

    public static readonly LocalText OnlyOwnSettings = new(
        en: "You can only change your own settings; {name} can change theirs by writing to me.",
        es: "Solo puedes cambiar tus propios ajustes; {name} puede cambiar los suyos escribiéndome.",
        pt: "Você só pode mudar as suas próprias configurações; {name} pode mudar as dele escrevendo para mim.",
        fr: "Vous ne pouvez modifier que vos propres réglages ; {name} peut modifier les siens en m'écrivant.",
        de: "Du kannst nur deine eigenen Einstellungen ändern; {name} kann die eigenen ändern, indem er oder sie mir schreibt.");

    public static readonly LocalText ResumedButOff = new(
        en: "Resumed, but your mode is `off`, so I only learn. Use `mode auto` or `mode draft` to have me reply.",
        es: "Reanudado, pero tu modo es `off`, así que solo aprendo. Usa `mode auto` o `mode draft` para que responda.",
        pt: "Retomado, mas seu modo é `off`, então só aprendo. Use `mode auto` ou `mode draft` para eu responder.",
        fr: "Reprise, mais votre mode est `off`, donc j'apprends seulement. Utilisez `mode auto` ou `mode draft` pour que je réponde.",
        de: "Fortgesetzt, aber dein Modus ist `off`, also lerne ich nur. Mit `mode auto` oder `mode draft` antworte ich wieder.");

    public static readonly LocalText Resumed = new(
        en: "Resumed: I'm back in `{mode}` mode.",
        es: "Reanudado: vuelvo al modo `{mode}`.",
        pt: "Retomado: voltei ao modo `{mode}`.",
        fr: "Reprise : je suis de retour en mode `{mode}`.",
        de: "Fortgesetzt: Ich bin wieder im Modus `{mode}`.");

    public static readonly LocalText ModeAuto = new(
        en: "Mode set to `auto`: when a student waits, I reply in your style, labelled as AI.",
        es: "Modo `auto`: cuando un estudiante espera, respondo con tu estilo, marcado como IA.",
        pt: "Modo `auto`: quando um aluno espera, respondo no seu estilo, marcado como IA.",
        fr: "Mode `auto` : quand un élève attend, je réponds dans votre style, signalé comme IA.",
        de: "Modus `auto`: Wenn ein Mentee wartet, antworte ich in deinem Stil, als KI gekennzeichnet.");

    public static readonly LocalText ModeDraft = new(
        en: "Mode set to `draft`: I'll send you each reply privately first; answer `send`, `edit <your text>` or `skip`.",
        es: "Modo `draft`: primero te enviaré cada respuesta en privado; contesta `send`, `edit <tu texto>` o `skip`.",
        pt: "Modo `draft`: primeiro vou enviar cada resposta a você em particular; responda `send`, `edit <seu texto>` ou `skip`.",
        fr: "Mode `draft` : je vous enverrai d'abord chaque réponse en privé ; répondez `send`, `edit <votre texte>` ou `skip`.",
        de: "Modus `draft`: Ich schicke dir jede Antwort erst privat; antworte `send`, `edit <dein Text>` oder `skip`.");

    public static readonly LocalText ModeOff = new(
        en: "Mode set to `off`: I keep learning your style but never reply.",
        es: "Modo `off`: sigo aprendiendo tu estilo, pero nunca respondo.",
        pt: "Modo `off`: continuo aprendendo seu estilo, mas nunca respondo.",
        fr: "Mode `off` : je continue d'apprendre votre style, mais je ne réponds jamais.",
        de: "Modus `off`: Ich lerne weiter deinen Stil, antworte aber nie.");

    public static readonly LocalText PersonaNone = new(
        en: "You have no persona note. Set one with `persona <text>`, e.g. `persona I teach Python to beginners; keep it encouraging`.",
        es: "No tienes nota de persona. Pon una con `persona <texto>`, p. ej. `persona Enseño Python a principiantes; con tono alentador`.",
        pt: "Você não tem nota de persona. Defina uma com `persona <texto>`, por exemplo `persona Ensino Python para iniciantes; sempre encorajando`.",
        fr: "Vous n'avez pas de note de persona. Définissez-en une avec `persona <texte>`, par exemple `persona J'enseigne Python aux débutants ; reste encourageant`.",
        de: "Du hast keine Persona-Notiz. Leg eine an mit `persona <Text>`, z. B. `persona Ich unterrichte Python für Anfänger; bitte ermutigend`.");

    public static readonly LocalText PersonaShow = new(
        en: "Your persona note:\n```quote\n{persona}\n```\nChange it with `persona <text>` or remove it with `persona clear`.",
        es: "Tu nota de persona:\n```quote\n{persona}\n```\nCámbiala con `persona <texto>` o bórrala con `persona clear`.",
        pt: "Sua nota de persona:\n```quote\n{persona}\n```\nMude com `persona <texto>` ou apague com `persona clear`.",
        fr: "Votre note de persona :\n```quote\n{persona}\n```\nModifiez-la avec `persona <texte>` ou supprimez-la avec `persona clear`.",
        de: "Deine Persona-Notiz:\n```quote\n{persona}\n```\nÄndere sie mit `persona <Text>` oder lösche sie mit `persona clear`.");

    public static readonly LocalText PersonaSaved = new(
        en: "Persona note saved; I'll keep it in mind when I write for you.",
        es: "Nota de persona guardada; la tendré en cuenta cuando escriba por ti.",
        pt: "Nota de persona salva; vou levá-la em conta quando escrever por você.",
        fr: "Note de persona enregistrée ; j'en tiendrai compte quand j'écrirai à votre place.",
        de: "Persona-Notiz gespeichert; ich denke daran, wenn ich für dich schreibe.");

    public static readonly LocalText PersonaRemoved = new(
        en: "Persona note removed.",
        es: "Nota de persona borrada.",
        pt: "Nota de persona apagada.",
        fr: "Note de persona supprimée.",
        de: "Persona-Notiz gelöscht.");

    public static readonly LocalText QuietSet = new(
        en: "Quiet hours set: {start}:00–{end}:00 {zone}. A reply due then waits until the morning.",
        es: "Horas de silencio: {start}:00–{end}:00 {zone}. Una respuesta que toque entonces espera hasta la mañana.",
        pt: "Horas de silêncio definidas: {start}:00–{end}:00 {zone}. Uma resposta prevista nesse horário espera até de manhã.",
        fr: "Heures calmes définies : {start}:00–{end}:00 {zone}. Une réponse prévue pendant ce temps attend le matin.",
        de: "Ruhezeiten gesetzt: {start}:00–{end}:00 {zone}. Eine Antwort, die dann fällig wäre, wartet bis zum Morgen.");

    public static readonly LocalText QuietRemoved = new(
        en: "Quiet hours removed: I may answer for you at any hour (the organisation's quiet hours still apply, if set).",
        es: "Horas de silencio quitadas: puedo responder por ti a cualquier hora (las horas de silencio de la organización siguen valiendo, si las hay).",
        pt: "Horas de silêncio removidas: posso responder por você a qualquer hora (as horas de silêncio da organização continuam valendo, se houver).",
        fr: "Heures calmes supprimées : je peux répondre à votre place à toute heure (celles de l'organisation s'appliquent toujours, s'il y en a).",
        de: "Ruhezeiten entfernt: Ich darf zu jeder Stunde für dich antworten (die Ruhezeiten der Organisation gelten weiter, falls gesetzt).");

    public static readonly LocalText Refusal = new(
        en: "Sorry, only registered mentors can {what}, and only for themselves. To reach your mentor, write `human`; for everything else, `help`.",
        es: "Lo siento, solo los mentores registrados pueden {what}, y solo para sí mismos. Para hablar con tu mentor, escribe `human`; para todo lo demás, `help`.",
        pt: "Desculpe, só mentores registrados podem {what}, e só para si mesmos. Para falar com seu mentor, escreva `human`; para todo o resto, `help`.",
        fr: "Désolé, seuls les mentors enregistrés peuvent {what}, et seulement pour eux-mêmes. Pour joindre ton mentor, écris `human` ; pour tout le reste, `help`.",
        de: "Tut mir leid, nur registrierte Mentorinnen und Mentoren können {what}, und nur für sich selbst. Um deine Mentorin oder deinen Mentor zu erreichen, schreib `human`; für alles andere `help`.");

    public static readonly LocalText RefusePause = new(
        en: "pause or resume the AI stand-in", es: "pausar o reanudar al sustituto de IA", pt: "pausar ou retomar o substituto de IA",
        fr: "mettre en pause ou relancer le remplaçant IA", de: "die KI-Vertretung pausieren oder fortsetzen");
    public static readonly LocalText RefuseMode = new(
        en: "change the reply mode", es: "cambiar el modo de respuesta", pt: "mudar o modo de resposta",
        fr: "changer le mode de réponse", de: "den Antwortmodus ändern");
    public static readonly LocalText RefuseQuiet = new(
        en: "set quiet hours", es: "fijar horas de silencio", pt: "definir horas de silêncio",
        fr: "définir des heures calmes", de: "Ruhezeiten festlegen");
    public static readonly LocalText RefusePersona = new(
        en: "set a persona", es: "fijar una nota de persona", pt: "definir uma nota de persona",
        fr: "définir une note de persona", de: "eine Persona-Notiz festlegen");
    public static readonly LocalText RefuseStudents = new(
        en: "list students", es: "ver la lista de estudiantes", pt: "ver a lista de alunos",
        fr: "voir la liste des élèves", de: "ihre Mentees auflisten");
    public static readonly LocalText RefuseConsent = new(
        en: "accept or decline students", es: "aceptar o rechazar estudiantes", pt: "aceitar ou recusar alunos",
        fr: "accepter ou refuser des élèves", de: "Mentees annehmen oder ablehnen");
    public static readonly LocalText RefuseDrafts = new(
        en: "send, edit or skip drafts", es: "enviar, editar o descartar borradores", pt: "enviar, editar ou descartar rascunhos",
        fr: "envoyer, modifier ou écarter des brouillons", de: "Entwürfe senden, bearbeiten oder verwerfen");
    public static readonly LocalText RefuseLanguage = new(
        en: "choose the language I write to them in", es: "elegir el idioma en que les escribo", pt: "escolher o idioma em que escrevo para eles",
        fr: "choisir la langue dans laquelle je leur écris", de: "die Sprache wählen, in der ich ihnen schreibe");
    public static readonly LocalText RefuseOther = new(
        en: "use that command", es: "usar ese comando", pt: "usar esse comando",
        fr: "utiliser cette commande", de: "diesen Befehl benutzen");

    public static readonly LocalText PausedFor = new(
        en: "Paused for {length}, until {until}. I keep learning meanwhile; `resume` ends the pause early.",
        es: "En pausa durante {length}, hasta el {until}. Mientras tanto sigo aprendiendo; `resume` termina la pausa antes.",
        pt: "Pausado por {length}, até {until}. Enquanto isso continuo aprendendo; `resume` encerra a pausa antes.",
        fr: "En pause pendant {length}, jusqu'au {until}. J'apprends toujours pendant ce temps ; `resume` met fin à la pause plus tôt.",
        de: "Pausiert für {length}, bis {until}. Ich lerne in der Zeit weiter; `resume` beendet die Pause früher.");

    public static readonly LocalText PausedUntilResumed = new(
        en: "Paused until you write `resume`. I keep learning meanwhile.",
        es: "En pausa hasta que escribas `resume`. Mientras tanto sigo aprendiendo.",
        pt: "Pausado até você escrever `resume`. Enquanto isso continuo aprendendo.",
        fr: "En pause jusqu'à ce que vous écriviez `resume`. J'apprends toujours pendant ce temps.",
        de: "Pausiert, bis du `resume` schreibst. Ich lerne in der Zeit weiter.");

    // The mentor's `status`: labels and states.
    public static readonly LocalText StatusMode = new(
        en: "**Mode:** `{mode}`", es: "**Modo:** `{mode}`", pt: "**Modo:** `{mode}`", fr: "**Mode :** `{mode}`", de: "**Modus:** `{mode}`");
    public static readonly LocalText StatusPause = new(
        en: "**Pause:** {state}", es: "**Pausa:** {state}", pt: "**Pausa:** {state}", fr: "**Pause :** {state}", de: "**Pause:** {state}");
    public static readonly LocalText StatusStudents = new(
        en: "**Students:** {count}", es: "**Estudiantes:** {count}", pt: "**Alunos:** {count}", fr: "**Élèves :** {count}", de: "**Mentees:** {count}");
    public static readonly LocalText StatusDrafts = new(
        en: "**Drafts waiting:** {ids}", es: "**Borradores pendientes:** {ids}", pt: "**Rascunhos pendentes:** {ids}",
        fr: "**Brouillons en attente :** {ids}", de: "**Wartende Entwürfe:** {ids}");
    public static readonly LocalText StatusPersona = new(
        en: "**Persona note:** set (`persona` shows it)", es: "**Nota de persona:** puesta (`persona` la muestra)",
        pt: "**Nota de persona:** definida (`persona` mostra)", fr: "**Note de persona :** définie (`persona` l'affiche)",
        de: "**Persona-Notiz:** gesetzt (`persona` zeigt sie)");
    public static readonly LocalText StatusQuiet = new(
        en: "**Quiet hours:** {hours}", es: "**Horas de silencio:** {hours}", pt: "**Horas de silêncio:** {hours}",
        fr: "**Heures calmes :** {hours}", de: "**Ruhezeiten:** {hours}");
    public static readonly LocalText StatusLanguageSet = new(
        en: "**Language:** {name} (your setting; `language auto` follows your writing)",
        es: "**Idioma:** {name} (tu ajuste; `language auto` sigue tu forma de escribir)",
        pt: "**Idioma:** {name} (sua escolha; `language auto` segue o seu jeito de escrever)",
        fr: "**Langue :** {name} (votre réglage ; `language auto` suit votre façon d'écrire)",
        de: "**Sprache:** {name} (deine Einstellung; `language auto` folgt deiner Schreibweise)");
    public static readonly LocalText StatusLanguageAuto = new(
        en: "**Language:** {name} (from your writing; `language <code>` sets it)",
        es: "**Idioma:** {name} (según cómo escribes; `language <código>` lo fija)",
        pt: "**Idioma:** {name} (pelo seu jeito de escrever; `language <código>` define)",
        fr: "**Langue :** {name} (d'après votre façon d'écrire ; `language <code>` la fixe)",
        de: "**Sprache:** {name} (nach deiner Schreibweise; `language <Code>` legt sie fest)");
    public static readonly LocalText StatusStyle = new(
        en: "**Your style, as I've learned it:** {style}", es: "**Tu estilo, tal como lo he aprendido:** {style}",
        pt: "**Seu estilo, como eu aprendi:** {style}", fr: "**Votre style, tel que je l'ai appris :** {style}",
        de: "**Dein Stil, wie ich ihn gelernt habe:** {style}");

    public static readonly LocalText NotPaused = new(
        en: "not paused", es: "sin pausa", pt: "sem pausa", fr: "pas de pause", de: "keine Pause");
    public static readonly LocalText PausedUntilResume = new(
        en: "paused until you `resume`", es: "en pausa hasta `resume`", pt: "pausado até `resume`",
        fr: "en pause jusqu'à `resume`", de: "pausiert bis `resume`");
    public static readonly LocalText PausedUntil = new(
        en: "paused until {until} ({left} left)", es: "en pausa hasta el {until} (quedan {left})", pt: "pausado até {until} (faltam {left})",
        fr: "en pause jusqu'au {until} (encore {left})", de: "pausiert bis {until} (noch {left})");

    // Durations: the two largest units.
    public static readonly LocalText LessThanAMinute = new(
        en: "less than a minute", es: "menos de un minuto", pt: "menos de um minuto", fr: "moins d'une minute", de: "weniger als eine Minute");
    public static readonly LocalText OneDay = new(en: "{n} day", es: "{n} día", pt: "{n} dia", fr: "{n} jour", de: "{n} Tag");
    public static readonly LocalText Days = new(en: "{n} days", es: "{n} días", pt: "{n} dias", fr: "{n} jours", de: "{n} Tage");
    public static readonly LocalText OneHour = new(en: "{n} hour", es: "{n} hora", pt: "{n} hora", fr: "{n} heure", de: "{n} Stunde");
    public static readonly LocalText Hours = new(en: "{n} hours", es: "{n} horas", pt: "{n} horas", fr: "{n} heures", de: "{n} Stunden");
    public static readonly LocalText OneMinute = new(en: "{n} minute", es: "{n} minuto", pt: "{n} minuto", fr: "{n} minute", de: "{n} Minute");
    public static readonly LocalText Minutes = new(en: "{n} minutes", es: "{n} minutos", pt: "{n} minutos", fr: "{n} minutes", de: "{n} Minuten");

    // A student's `status` and `human`.
    public static readonly LocalText NoMentorOnRecord = new(
        en: "You aren't registered as a mentor, and I don't have a mentor on record for you.",
        es: "No estás registrado como mentor, y no tengo ningún mentor registrado para ti.",
        pt: "Você não está registrado como mentor, e não tenho nenhum mentor registrado para você.",
        fr: "Tu n'es pas enregistré comme mentor, et je n'ai aucun mentor enregistré pour toi.",
        de: "Du bist nicht als Mentor registriert, und ich habe keine Mentorin und keinen Mentor für dich eingetragen.");
    public static readonly LocalText YourMentor = new(
        en: "You aren't registered as a mentor. Your mentor: {names}.",
        es: "No estás registrado como mentor. Tu mentor: {names}.",
        pt: "Você não está registrado como mentor. Seu mentor: {names}.",
        fr: "Tu n'es pas enregistré comme mentor. Ton mentor : {names}.",
        de: "Du bist nicht als Mentor registriert. Deine Mentorin oder dein Mentor: {names}.");
    public static readonly LocalText YourMentors = new(
        en: "You aren't registered as a mentor. Your mentors: {names}.",
        es: "No estás registrado como mentor. Tus mentores: {names}.",
        pt: "Você não está registrado como mentor. Seus mentores: {names}.",
        fr: "Tu n'es pas enregistré comme mentor. Tes mentors : {names}.",
        de: "Du bist nicht als Mentor registriert. Deine Mentorinnen und Mentoren: {names}.");
    public static readonly LocalText HumanIsMentor = new(
        en: "You are a mentor here; your students reach you through your group DMs with them.",
        es: "Aquí eres mentor; tus estudiantes te encuentran en tus DM de grupo con ellos.",
        pt: "Aqui você é mentor; seus alunos falam com você pelas DMs em grupo com eles.",
        fr: "Vous êtes mentor ici ; vos élèves vous joignent dans vos DM de groupe avec eux.",
        de: "Du bist hier Mentor; deine Mentees erreichen dich über eure Gruppen-DMs.");
    public static readonly LocalText HumanNoMentor = new(
        en: "I don't have a mentor on record for you. Please ask your programme's organisers who your mentor is.",
        es: "No tengo ningún mentor registrado para ti. Pregunta a la organización de tu programa quién es tu mentor.",
        pt: "Não tenho nenhum mentor registrado para você. Pergunte à organização do seu programa quem é o seu mentor.",
        fr: "Je n'ai aucun mentor enregistré pour toi. Demande aux organisateurs de ton programme qui est ton mentor.",
        de: "Ich habe keine Mentorin und keinen Mentor für dich eingetragen. Bitte frag die Organisation deines Programms, wer dich betreut.");
    public static readonly LocalText HumanMentor = new(
        en: "Your mentor: {names}. Write in your group DM with them (they read it), or send them a direct message. If I've been answering for them, I stand down as soon as they reply.",
        es: "Tu mentor: {names}. Escribe en tu DM de grupo con tu mentor (lo lee), o mándale un mensaje directo. Si he estado respondiendo en su lugar, me retiro en cuanto conteste.",
        pt: "Seu mentor: {names}. Escreva na sua DM em grupo com ele (ele lê), ou mande uma mensagem direta. Se eu estava respondendo no lugar dele, saio de cena assim que ele responder.",
        fr: "Ton mentor : {names}. Écris dans ton DM de groupe avec lui (il le lit), ou envoie-lui un message direct. Si je répondais à sa place, je me retire dès qu'il répond.",
        de: "Deine Mentorin oder dein Mentor: {names}. Schreib in eure Gruppen-DM (sie wird gelesen) oder schick eine Direktnachricht. Falls ich bisher geantwortet habe, halte ich mich zurück, sobald eine Antwort kommt.");
    public static readonly LocalText HumanMentors = new(
        en: "Your mentors: {names}. Write in your group DM with them (they read it), or send them a direct message. If I've been answering for them, I stand down as soon as they reply.",
        es: "Tus mentores: {names}. Escribe en tu DM de grupo con ellos (lo leen), o mándales un mensaje directo. Si he estado respondiendo en su lugar, me retiro en cuanto contesten.",
        pt: "Seus mentores: {names}. Escreva na sua DM em grupo com eles (eles leem), ou mande uma mensagem direta. Se eu estava respondendo no lugar deles, saio de cena assim que eles responderem.",
        fr: "Tes mentors : {names}. Écris dans ton DM de groupe avec eux (ils le lisent), ou envoie-leur un message direct. Si je répondais à leur place, je me retire dès qu'ils répondent.",
        de: "Deine Mentorinnen und Mentoren: {names}. Schreib in eure Gruppen-DM (sie wird gelesen) oder schick eine Direktnachricht. Falls ich bisher geantwortet habe, halte ich mich zurück, sobald eine Antwort kommt.");
    public static readonly LocalText UnnamedUser = new(
        en: "user {id}", es: "usuario {id}", pt: "usuário {id}", fr: "utilisateur {id}", de: "Nutzer {id}");

    // `students`.
    public static readonly LocalText NoStudents = new(
        en: "You have no students yet. Start a group DM with a student and me, or ask an admin to register the pair.",
        es: "Aún no tienes estudiantes. Abre un DM de grupo con un estudiante y conmigo, o pide a un administrador que registre la pareja.",
        pt: "Você ainda não tem alunos. Abra uma DM em grupo com um aluno e comigo, ou peça a um administrador para registrar a dupla.",
        fr: "Vous n'avez pas encore d'élèves. Ouvrez un DM de groupe avec un élève et moi, ou demandez à un administrateur d'enregistrer le binôme.",
        de: "Du hast noch keine Mentees. Starte eine Gruppen-DM mit einem Mentee und mir, oder bitte eine Admin-Person, das Paar einzutragen.");
    public static readonly LocalText StudentsHeader = new(
        en: "Your students ({count}):", es: "Tus estudiantes ({count}):", pt: "Seus alunos ({count}):", fr: "Vos élèves ({count}) :", de: "Deine Mentees ({count}):");
    public static readonly LocalText StudentSince = new(
        en: "- {student} since {date}", es: "- {student} desde el {date}", pt: "- {student} desde {date}", fr: "- {student} depuis le {date}", de: "- {student} seit {date}");

    // `forget`.
    public static readonly LocalText ForgetAsk = new(
        en: "This deletes everything I store about you: your mentor registration and settings, your mentor–student pairs, the style I learned, pending drafts and the audit trail. It can't be undone.\nTo go ahead, write `forget confirm {code}` within {minutes} minutes. To keep your data, write `forget cancel`.",
        es: "Esto borra todo lo que guardo sobre ti: tu registro y ajustes de mentor, tus parejas mentor–estudiante, el estilo que aprendí, los borradores pendientes y el registro de auditoría. No se puede deshacer.\nPara seguir, escribe `forget confirm {code}` en los próximos {minutes} minutos. Para conservar tus datos, escribe `forget cancel`.",
        pt: "Isto apaga tudo o que guardo sobre você: seu registro e configurações de mentor, suas duplas mentor–aluno, o estilo que aprendi, os rascunhos pendentes e o registro de auditoria. Não dá para desfazer.\nPara continuar, escreva `forget confirm {code}` dentro de {minutes} minutos. Para manter seus dados, escreva `forget cancel`.",
        fr: "Cela efface tout ce que je garde sur vous : votre inscription et vos réglages de mentor, vos binômes mentor–élève, le style que j'ai appris, les brouillons en attente et le journal d'audit. C'est irréversible.\nPour continuer, écrivez `forget confirm {code}` dans les {minutes} minutes. Pour garder vos données, écrivez `forget cancel`.",
        de: "Damit lösche ich alles, was ich über dich speichere: deine Mentor-Registrierung und Einstellungen, deine Mentor–Mentee-Paare, den gelernten Stil, wartende Entwürfe und das Audit-Protokoll. Das lässt sich nicht rückgängig machen.\nUm fortzufahren, schreib innerhalb von {minutes} Minuten `forget confirm {code}`. Um deine Daten zu behalten, schreib `forget cancel`.");
    public static readonly LocalText ForgetNoPending = new(
        en: "There is no pending `forget` request. Write `forget` to start one.",
        es: "No hay ninguna solicitud de `forget` pendiente. Escribe `forget` para empezar una.",
        pt: "Não há nenhum pedido de `forget` pendente. Escreva `forget` para começar um.",
        fr: "Il n'y a aucune demande `forget` en attente. Écrivez `forget` pour en commencer une.",
        de: "Es gibt keine offene `forget`-Anfrage. Schreib `forget`, um eine zu starten.");
    public static readonly LocalText ForgetExpired = new(
        en: "That code has expired. Write `forget` to get a new one.",
        es: "Ese código ha caducado. Escribe `forget` para recibir uno nuevo.",
        pt: "Esse código expirou. Escreva `forget` para receber um novo.",
        fr: "Ce code a expiré. Écrivez `forget` pour en recevoir un nouveau.",
        de: "Dieser Code ist abgelaufen. Schreib `forget`, um einen neuen zu bekommen.");
    public static readonly LocalText ForgetWrongCode = new(
        en: "That code doesn't match. Check it and try again, or write `forget` for a new one.",
        es: "Ese código no coincide. Revísalo e inténtalo de nuevo, o escribe `forget` para recibir uno nuevo.",
        pt: "Esse código não confere. Confira e tente de novo, ou escreva `forget` para receber um novo.",
        fr: "Ce code ne correspond pas. Vérifiez-le et réessayez, ou écrivez `forget` pour en recevoir un nouveau.",
        de: "Dieser Code passt nicht. Prüf ihn und versuch es noch einmal, oder schreib `forget` für einen neuen.");
    public static readonly LocalText ForgetTooManyAttempts = new(
        en: "Too many wrong codes; the request was cancelled. Write `forget` to start again.",
        es: "Demasiados códigos erróneos; la solicitud se ha cancelado. Escribe `forget` para empezar de nuevo.",
        pt: "Códigos errados demais; o pedido foi cancelado. Escreva `forget` para começar de novo.",
        fr: "Trop de codes erronés ; la demande a été annulée. Écrivez `forget` pour recommencer.",
        de: "Zu viele falsche Codes; die Anfrage wurde abgebrochen. Schreib `forget`, um neu anzufangen.");
    public static readonly LocalText ForgetDone = new(
        en: "Done: I deleted everything I stored about you ({count} records). If you write to me again as a mentor or student, I'll start afresh.",
        es: "Hecho: borré todo lo que guardaba sobre ti ({count} registros). Si vuelves a escribirme como mentor o estudiante, empezaré de cero.",
        pt: "Pronto: apaguei tudo o que guardava sobre você ({count} registros). Se você voltar a me escrever como mentor ou aluno, começo do zero.",
        fr: "C'est fait : j'ai effacé tout ce que je gardais sur vous ({count} enregistrements). Si vous m'écrivez à nouveau comme mentor ou élève, je repartirai de zéro.",
        de: "Erledigt: Ich habe alles gelöscht, was ich über dich gespeichert hatte ({count} Einträge). Wenn du mir wieder als Mentor oder Mentee schreibst, fange ich neu an.");
    public static readonly LocalText ForgetPartial = new(
        en: "I deleted {count} records, but could not reach part of my storage ({failed}). Please write `forget` again in a few minutes to finish.",
        es: "Borré {count} registros, pero no pude acceder a parte de mi almacenamiento ({failed}). Escribe `forget` otra vez dentro de unos minutos para terminar.",
        pt: "Apaguei {count} registros, mas não consegui acessar parte do meu armazenamento ({failed}). Escreva `forget` de novo daqui a alguns minutos para terminar.",
        fr: "J'ai effacé {count} enregistrements, mais je n'ai pas pu joindre une partie de mon stockage ({failed}). Écrivez à nouveau `forget` dans quelques minutes pour terminer.",
        de: "Ich habe {count} Einträge gelöscht, konnte aber einen Teil meines Speichers nicht erreichen ({failed}). Bitte schreib in ein paar Minuten noch einmal `forget`, um es abzuschließen.");

    // `language`.
    public static readonly LocalText LanguageSet = new(
        en: "From now on I write to you in English. `language auto` lets your writing decide again.",
        es: "A partir de ahora te escribo en español. `language auto` deja que vuelva a decidir tu forma de escribir.",
        pt: "A partir de agora escrevo para você em português. `language auto` deixa o seu jeito de escrever decidir de novo.",
        fr: "Désormais, je vous écris en français. `language auto` laisse de nouveau votre façon d'écrire décider.",
        de: "Ab jetzt schreibe ich dir auf Deutsch. Mit `language auto` entscheidet wieder deine Schreibweise.");
    public static readonly LocalText LanguageAuto = new(
        en: "I'll write to you in the language you write in; for now that is {name}. `language <code>` (en, es, pt, fr, de) sets one.",
        es: "Te escribiré en el idioma en que escribes; por ahora es {name}. `language <código>` (en, es, pt, fr, de) fija uno.",
        pt: "Vou escrever para você no idioma em que você escreve; por enquanto é {name}. `language <código>` (en, es, pt, fr, de) define um.",
        fr: "Je vous écrirai dans la langue dans laquelle vous écrivez ; pour l'instant, c'est {name}. `language <code>` (en, es, pt, fr, de) en fixe une.",
        de: "Ich schreibe dir in der Sprache, in der du schreibst; im Moment ist das {name}. `language <Code>` (en, es, pt, fr, de) legt eine fest.");
}
