using static MentorFunctions.Core.Safety.DistressLexicon;
using static MentorFunctions.Core.Safety.DistressKind;
using static MentorFunctions.Core.Safety.PatternContext;

namespace MentorFunctions.Core.Safety;

/// <summary>Spanish distress patterns (accents folded: "quitarme la vida", "ataque de panico").</summary>
internal static class SpanishDistress
{
    private const string Family = @"(padre|papa|papi|madre|mama|mami|padrastro|madrastra|tio|tia|hermano|hermana|hermanastro|hermanastra|primo|prima|abuelo|abuela|novio|novia|pareja|ex|esposo|marido|entrenador|profesor|profesora|profe|maestro|maestra|tutor|vecino|vecina|jefe|cura|nineras?|padres)";
    private const string Abuser = @"(mi " + Family + @"|mis padres|el|ella|ellos|ellas|alguien|un (hombre|senor|adulto|tipo|chico|desconocido)|una (mujer|senora|adulta|desconocida)|el novio de mi (mama|madre)|la pareja de mi (mama|madre|papa|padre))";
    private const string Target = @"(a )?(alguien|todos|todo el mundo|el|ella|ellos|ellas|esos|esas|esa gente|la gente|mi " + Family + @"|mis companeros|mi clase|toda la clase|(los|las|esos|esas|aquellos|aquellas|todos los|todas las) (que|quienes|chicos|chicas|companeros|companeras|profes|profesores|ninos|ninas|idiotas|de mi clase|del colegio|bullies|matones|alumnos)|quienes|quien)";

    public static DistressLexicon Lexicon { get; } = new()
    {
        Language = "es",
        Fiction = R(@"\b(personaje|personajes|cuento|novela|pelicula|serie|cancion|canciones|letra de|poema|poesia|protagonista|villano|narrador|fanfic|juego de rol|videojuego|en el juego|escena|guion|capitulo|trama|anime|manga|comic|documental|ficcion|hipoteticamente|cita|ensayo sobre|presentacion sobre|trabajo sobre|investigacion sobre|informe sobre|exposicion sobre|prevencion|concientizacion|estadisticas|en la historia|la historia que|mi historia trata|el libro|en el libro|un libro|obra de teatro|dice la cancion|canta|cantante)\b"),
        Assignment = R(@"\b(para|en) (mi|un|una|el|la|este|esta) (ensayo|trabajo|redaccion|tarea|exposicion|presentacion|examen|clase de \w+|comentario de texto)\b"),
        Reporter = R(@"\b((mi|mis) (mejor )?(amigo|amiga|amigos|amigas|companero|companera|hermano|hermana|primo|prima|mama|papa)|(una|un) (chica|chico|companera|companero|amiga|amigo) de (mi )?(clase|escuela|colegio)|alguien que conozco) (\w+ ){0,2}(me dijo|dijo|dice|me dice|me conto|me escribio|escribio|sigue diciendo|me mando)\b"),
        SelfRelate = R(@"\b(asi me siento( yo)?|me siento igual|me siento asi|yo tambien|igual que yo|como yo|en la vida real|de verdad|lo digo en serio|hablo de mi)\b"),
        Hyperbole = R(
            @"\b(me |nos )?(muero|muerto|muerta|morir|morirme|muriendo|muriendome|me muero) (de|del) (la )?(risa|verguenza|hambre|aburrimiento|sueno|calor|frio|ganas|amor|pena|envidia|cansancio|sed|celos|nervios|emocion)\b" +
            @"|\bme muero por\b|\b(esto|esta|este|eso|la|el|los|las|tanta|tanto) (\w+ ){0,2}me (esta matando|mata|matan|estan matando)\b|\bme mata(n)?\b" +
            @"|\b(mi|el|la) (mama|madre|papa|padre|profe|profesor|profesora|maestro|maestra|jefe|entrenador|hermana|hermano|abuela)( \w+)? (me )?(va|van) a matar\b|\b(se|me) (me )?pega (la|el) (gripe|resfriado|sol|acento|cancion)\b|\bmis padres me van a matar\b" +
            @"|\bme mato (estudiando|trabajando|a estudiar|a trabajar|haciendo)\b|\b(cortarme|me corte|me corto|me he cortado|me cortaron) (el|mi|las) (pelo|cabello|flequillo|barba|unas)\b|\bme toca (a mi|\w+(ar|er|ir))\b" +
            @"|\bantes muert[oa] que\b|\bprefiero morir(me)? (antes )?que\b|\bmatar el tiempo\b|\bpanico escenico\b|\bno (te )?entres en panico\b"),
        Negator = R(@"\b(no|nunca|jamas|ni)\b"),
        Hedge = R(@"\b(todavia|aun|por ahora|creo|quizas|quiza|tal vez|a lo mejor|no se|supongo|probablemente|prometo)\b"),
        Accident = R(@"\b(cocinando|cocina|sin querer|accidente|por accidente|jugando|futbol|partido|entrenamiento|gimnasio|gym|me cai|caerme|al caer|afeitandome|cuchillo de cocina|con un papel|horno|educacion fisica|papel|un vidrio|una hoja|deporte|corriendo|patinando|bici|bicicleta|sol|playa|sarten|plancha)\b"),
        Deliberate = R(@"\b(a proposito|otra vez|de nuevo|a drede|adrede|para sentir|me lo merezco)\b"),
        Joke = R(@"\bpor (comerse|comer|comerme|tomar|tomarse|usar|romper|coger|agarrar|tocar|robar|robarme|perder|olvidar|beberse|llegar tarde)\b|\bsi (vuelve a|me vuelve a|toca|se come|me quita)\b|" + Laughter),
        Grievance = R(@"\b(se )?(comio|tomo|rompio|robo|uso|acabo|bebio|perdio|borro|escondio|quito|cogio|gasto) (mi|mis|el ultimo|la ultima|todo mi|toda mi|todos mis|todas mis) (\w+ ){0,2}(pizza|comida|patatas|papas|chuches|chocolate|tarta|pastel|galletas|bocadillo|cargador|movil|celular|cascos|auriculares|ropa|sudadera|camiseta|juego|mando|sitio|boli|apuntes|deberes|cosas|helado)\b"),
        Past = R(@"\b(hace (anos|meses|mucho( tiempo)?)|antes tenia|de pequen[oa]|de nin[oa]|cuando era (pequen[oa]|nin[oa]|chic[oa])|en el pasado|el ano pasado|solia|ya (estoy|me siento) bien|ya paso)\b"),
        Patterns =
        [
            P(Suicide, Negatable, @"\b(matarme|suicidarme|me (quiero|voy a|vaya a|puedo|pienso) (matar|suicidar|quitar la vida)|quitarme la vida|me quite la vida|acabar con mi vida|terminar con mi vida|poner fin a mi vida|me mato|me suicido)\b"),
            P(Suicide, Negatable, @"\b(acabar|terminar) con todo\b(?! (el|la|lo|los|las|esto de|mi tarea|el trabajo))|\b(acabar|terminar) con esto (de una vez|para siempre)\b"),
            P(Suicide, Negatable, @"\bsuicid(a|as|io|ios|arme|arse|ado|ada)\b"),
            P(Suicide, Negatable, @"\b(quiero|quisiera|queria|quiera|deseo|tengo ganas de|ganas de|voy a|pienso en|pensando en|planeo|necesito|intente|intento) (morir|morirme|estar muert[oa]|dejar de existir|desaparecer para siempre|no despertar|no despertarme|nunca despertar|dormir para siempre|no estar aqui)\b"),
            P(Suicide, Absolute, @"\b(ya )?no (aguanto|soporto|puedo con) (mas )?(esta|mi|la) vida\b|\b(seria|estaria|fuera) mejor (no existir|no estar aqui|no haber nacido|morir(me)?|estar muert[oa])\b|\bsentido a nada\b.{0,40}\b(desaparecer|morir(me)?|dejar de existir|matarme)\b"),
            P(Suicide, Absolute, @"\bdormir y (no|nunca) (volver a )?despertar(me)?\b"),
            P(Suicide, Negatable, @"\bme quiero morir\b|\b(seria|estaria|fuera) mejor (si me muriera|si me muero|si desapareciera|si no existiera|si no estuviera|estar muert[oa])\b|\bme voy a morir\b(?= (hoy|esta noche|ya))"),
            P(Suicide, Absolute, @"\b(ya no|no) (quiero|deseo|tengo ganas de|puedo) (vivir|seguir viviendo|existir|estar viv[oa]|despertar|seguir aqui|seguir con vida)( mas)?\b(?! (temprano|a las|pronto|asi de|en esta ciudad))"),
            P(Suicide, Absolute, @"\bya no quiero seguir\b(?! (con|en|el|la|estudiando|haciendo))|\bno puedo (seguir|mas) (asi|con mi vida|con la vida|viviendo)\b"),
            P(Suicide, Absolute, @"\bno (tiene|le veo|encuentro|le encuentro|hay) (ningun |mucho )?sentido (a |en )?(vivir|seguir|la vida|mi vida|seguir viviendo|estar vivo|estar viva|existir)\b|\bno hay (razon|motivo|razones|motivos) para (vivir|seguir)\b|\b(la|mi) vida no (vale la pena|tiene sentido)\b"),
            P(Suicide, Absolute, @"\b(estarian|estaria|estarias|estaran|serian|seria|vivirian|viviria|estarian todos) (todos |mucho )?(mejor|mas felices|mas tranquilos) sin mi\b"),
            P(Suicide, Absolute, @"\bnadie (me )?(extranaria|echaria de menos|notaria|le importaria|se daria cuenta|lloraria)\b.{0,40}\b(muero|muriera|desapareciera|desaparezco|no estuviera|me voy|me fuera|me mato|me matara)\b"),
            P(Suicide, Absolute, @"\b(ojala|quisiera|desearia) (me muera|morirme|estar muert[oa]|no haber nacido|nunca haber nacido|no despertar|no despierte|no volver a despertar|desaparecer para siempre|dejar de existir)\b"),
            P(Suicide, Negatable, @"\bsoy (solo |una )?(una )?carga (para|en)?\b"),
            // A quantity, then a few words saying whose ("un monton de las pastillas de mi madre"), then the pills.
            P(Suicide, Negatable, @"\b(tomar(me)?|tome|me tome|tragar(me)?|trague|me trague) ((como|unas|unos|casi|mas de) )?(todas|un monton de|muchas|demasiadas|un bote de|una caja de|un frasco de|toda la caja de|un punado de|una tira de|\d{2,}|diez|doce|quince|veinte|treinta|cuarenta|cincuenta)( \w+){0,3}? (pastillas?|pildoras?|medicinas?|medicamentos?|calmantes?|tabletas?|pastis)\b(?!.{0,40}\b(todas las (mananas|noches)|cada (dia|manana|noche)|como (me )?dijo el medico|recetad[oa]s?)\b)|\bsobredosis\b"),
            P(Suicide, Absolute, @"\b(carta|nota) (de despedida|de suicidio|de adios|suicida)\b(?!( \w+){1,3} (profe|profes|profesor\w*|professor\w*|prof|maestr[oa]s?|clase|turma|sala|entrenador\w*|treinador\w*|director\w*|diretor\w*|companer\w*|colegas?|equipo|time)\b)"),
            // Two weaker signs together: wanting it all to stop, and not being able to go on.
            P(Suicide, Absolute, @"\b(quiero|quisiera|queria|necesito|ojala) (que )?(todo|esto|todo esto) (se )?(acabe|termine|pare|acabara|terminara|parara|acabase|terminase)\b.{0,60}\b(no (aguanto|puedo|soporto) mas)\b|\bno (aguanto|puedo|soporto) mas\b.{0,60}\b(quiero|quisiera|queria|necesito|ojala) (que )?(todo|esto) (se )?(acabe|termine|pare|acabara|terminara|acabase|terminase)\b|\b(que )?(todo|esto) (se )?(acabe|termine|acabara|terminara|acabase|terminase) para siempre\b"),
            P(SelfHarm, Current, @"\b(brazos|munecas|muneca|piernas|muslos|piel|barriga)\b (\w+ )?(llen[oa]s? de|cubiert[oa]s? de|con) (cortes|cicatrices|quemaduras|aranazos)\b"),
            P(Suicide, Negatable, @"\b(tirarme|aventarme|lanzarme|saltar|me voy a tirar|me tiro|me lanzo) (de|desde|por|del|al|a las|a la|frente al|frente a) (un |una |el |la |los )?(puente|edificio|ventana|balcon|techo|azotea|tren|metro|vias|coche|carro|camion)\b"),
            P(Suicide, Negatable | Reported, @"\b(matarse|suicidarse|quitarse la vida|se quiere (matar|suicidar|morir)|se va a (suicidar|quitar la vida)|se quito la vida|se suicido)\b"),
            P(SelfHarm, Negatable | Accidental, @"\b(me corto|me estoy cortando|me he cortado|me vuelvo a cortar|volvi a cortarme|cortarme|me corte|me lastimo|me estoy lastimando|lastimarme|me hago dano|hacerme dano|me hice dano|me quemo|quemarme|me queme|me golpeo|golpearme|me autolesiono|autolesionarme|me lastimo a mi mism[oa]|me castigo|me he estado (cortando|lastimando|quemando|haciendo dano))\b"),
            P(SelfHarm, Negatable, @"\bautolesi(on|ones|onarme|ono|ona|onarse)\b|\b(volvi a|empece a|ganas de|necesidad de|no puedo dejar de) (cortarme|hacerme dano|lastimarme|autolesionarme|quemarme)\b"),
            P(SelfHarm, Negatable | Reported, @"\b(cortarse|hacerse dano|lastimarse|se corta|se hace dano)\b"),
            P(Abuse, Negatable, @"\b" + Abuser + @"( \w+){0,3} me (pega|pego|pegan|pegaron|golpea|golpeo|golpean|golpearon|maltrata|maltrato|maltratan|toca|toco|tocan|manosea|manoseo|abusa|abuso|viola|violo|amenaza|amenazo|amenazan|lastima|lastimo|hace dano|hizo dano|hacen dano|encierra|encerro|quema|quemo|ahorca|ahorco|estrangula|patea|pateo|empuja|empujo|da palizas|dio una paliza|obliga a (tener|hacer cosas|tocar|desnudarme|mandar)|obligo a (tener|hacer cosas|tocar\w*|desnudarme|mandar)|pegan|maltratan|grita y me pega)\b(?! (a |en el |en la |en los |al )(jugar|ajedrez|videojuegos|futbol|carrera|partido))"),
            P(Abuse, Negatable, @"\b(sufro|sufri|estoy sufriendo|he sufrido|vivo con|hay) (maltrato|abuso|abusos|violencia)( en (mi )?casa)?\b|\b(abusan|abusaron|abuso|abusa) de mi\b|\b(fui|he sido|soy|estoy siendo|estoy) (violad[oa]|abusad[oa]|maltratad[oa]|agredid[oa]|acosad[oa] sexualmente|golpead[oa])\b|\bme (violaron|violo|abusaron|manosearon|tocaron|pegaron|golpearon)\b"),
            P(Abuse, Absolute, @"\b(mi (tio|padrastro|entrenador|profe|profesor|maestro|vecino|primo|abuelo|hermanastro|jefe)|un (adulto|hombre|senor))\b.{0,60}\b(no (se lo |le |lo )?(cuente|cuentes|contara|contase|diga|digas|dijera) (a )?nadie|es (nuestro|un) secreto)\b"),
            P(Abuse, Absolute, @"\babuso sexual\b|\bacoso sexual\b|\bme (toca|toco|tocan) (mis partes|donde no|por la noche|de noche|sin permiso|el cuerpo)\b|\bes nuestro secreto\b|\bno (se lo )?(diga|digas|cuente|cuentes) a nadie\b.{0,40}\b(toca|toco|fotos|cuerpo)\b"),
            P(Abuse, Absolute, @"\bno (estoy|me siento) (segur[oa]|a salvo|tranquil[oa]) en (casa|mi casa)\b|\b(miedo|terror|panico) (de|a) (volver|ir|regresar|llegar) a (casa|mi casa)\b|\bme da (mucho )?miedo mi (padre|papa|padrastro|madre|mama|novio|tio|pareja|hermano)\b|\bme (pegan|golpean|maltratan) en (casa|mi casa)\b|\b(le )?tengo miedo (a|de) mi (padre|papa|padrastro|madre|mama|novio|tio|pareja|hermano)\b(?! (cuando vea|si ve|porque (suspendi|repro)))"),
            P(Abuse, Absolute, @"\bamenaz\w*\b.{0,40}\b(publicar|subir|compartir|difundir|ensenar|mostrar|mandar|enviar|pasar)\b.{0,25}\b(fotos|videos|imagenes|nudes)\b|\bme (pide|pidio|piden|pidieron|obliga a mandar|presiona para (que )?(mande|mandar)|insiste en que (le )?mande)( que le mande)? (fotos|videos|fotografias|nudes)( desnud[oa]s?| intimas| sin ropa| de mi cuerpo)?\b"),
            P(Violence, Negatable | Jokey | AgainstOthers, @"\b(voy a|quiero|pienso|planeo|tengo ganas de|estoy pensando en|voy a ir a) (matar|apunalar|disparar(le|les)? a|atacar|lastimar|hacer(le|les)? dano a|golpear|darle una paliza a|envenenar|acuchillar|balear) " + Target + @"\b"),
            P(Violence, Negatable | Jokey | AgainstOthers, @"\b(voy a|quiero|pienso|planeo) (matarl[oa]s?|apunalarl[oa]s?|dispararle|dispararles|lastimarl[oa]s?|atacarl[oa]s?|envenenarl[oa]s?)\b|\b(l[oa]s?|les?) (voy a|vamos a) (matar|apunalar|disparar|matar a golpes|acuchillar)\b"),
            P(Violence, Negatable, @"\b(llevar|traer|llevo|traigo|lleve|traje|meter|meto)( \w+){0,2} (pistola|arma|cuchillo|navaja|rifle|escopeta|bomba)\b.{0,30}\b(a|al|en|en el|en la) (la )?(escuela|colegio|cole|clase|instituto|insti|universidad|uni|liceo|prepa|secundaria)\b"),
            P(Violence, Negatable, @"\b(me|nos) (quiere|quieren|va a|van a|amenazo con|amenaza con|amenazaron con|intento|intentaron) (matar|pegar|golpear|apunalar|disparar|violar|lastimar|hacer dano|dar una paliza|dar de palos|dar una golpiza|partir la cara|reventar|pegar un tiro|dar un tiro|acuchillar)\b|\bme amenaz\w* con (matarme|pegarme|golpearme|hacerme dano|lastimarme|violarme)\b"),
            P(Violence, Negatable, @"\bme (pegaron|golpearon|atacaron|apunalaron|asaltaron|dieron una paliza|estan siguiendo|estan acosando|siguen a casa)\b|\b(alguien|un hombre|un tipo) me (esta siguiendo|sigue|persigue|esta acosando)\b|\b(tiene|saco|trae) (un|una) (pistola|arma|cuchillo|navaja)\b|\bestoy en peligro\b"),
            P(Panic, Negatable | Current, @"\b(ataque|ataques|crisis) de (panico|ansiedad|angustia)\b"),
            P(Panic, Current, @"\bcorazon (me )?(va a mil|late (muy |super )?(rapido|fuerte)|acelerado|a mil)\b.{0,50}\b(respirar|temblar|tiemblo|temblando|morir|muero|mareo|maread[oa]|panico|desmay\w*|ahog\w*)\b"),
            P(Panic, Absolute, @"\bno (puedo|consigo|logro) (respirar|dejar de (temblar|llorar)|calmarme|parar de (temblar|llorar))\b|\b(siento|creo) que (me voy a morir|me muero|me estoy muriendo|me da un infarto|me va a dar un infarto|voy a morir|me ahogo)\b|\bme falta el aire\b"),
        ],
    };
}
